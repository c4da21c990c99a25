using Microsoft.AspNetCore.Http;

namespace BizSuite.Kernel;

/// <summary>
/// A business rule said no. The code is stable (<c>Crm:ContractAlreadySigned</c>) and is also the
/// localization key of the message; the arguments fill its placeholders.
/// </summary>
public class BusinessException(string code, int statusCode = StatusCodes.Status422UnprocessableEntity, params object[] args)
    : Exception(code)
{
    public string Code { get; } = code;
    public int StatusCode { get; } = statusCode;
    public object[] Args { get; } = args;

    /// <summary>Optional field the rule is about, so the UI can show the message beside it.</summary>
    public string? Field { get; init; }

    /// <summary>Optional details for a client to act on (the lines a three-way match refused), added to the ProblemDetails as is.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }
}

public sealed class EntityNotFoundException(string entityName, object id)
    : BusinessException(KernelErrors.EntityNotFound, StatusCodes.Status404NotFound, entityName, id);

/// <summary>Field errors (field name in camelCase → localized messages).</summary>
public sealed class ValidationException(IReadOnlyDictionary<string, string[]> errors) : Exception("Validation failed")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}

public static class KernelErrors
{
    public const string EntityNotFound = "Kernel:EntityNotFound";
    public const string TenantNotFound = "Kernel:TenantNotFound";
    public const string TenantDisabled = "Kernel:TenantDisabled";
    public const string ConcurrencyConflict = "Kernel:ConcurrencyConflict";
    public const string DuplicateRecord = "Kernel:DuplicateRecord";
    public const string BadRequestBody = "Kernel:BadRequestBody";
    public const string ValidationFailed = "Kernel:ValidationFailed";
    public const string InternalError = "Kernel:InternalError";
    public const string DatabaseUnavailable = "Kernel:DatabaseUnavailable";
    public const string UnknownSetting = "Kernel:UnknownSetting";
    public const string InvalidSettingValue = "Kernel:InvalidSettingValue";
    public const string ImportTooLarge = "Kernel:ImportTooLarge";
    public const string ImportUnreadable = "Kernel:ImportUnreadable";
    public const string ImportMissingColumn = "Kernel:ImportMissingColumn";
    public const string ImportRequired = "Kernel:ImportRequired";
    public const string ImportBadValue = "Kernel:ImportBadValue";
    public const string ImportDuplicateInFile = "Kernel:ImportDuplicateInFile";
    public const string ImportHasErrors = "Kernel:ImportHasErrors";
    public const string UnknownDocumentLanguage = "Kernel:UnknownDocumentLanguage";
    public const string InvalidDateRange = "Kernel:InvalidDateRange";
}
