using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace BizSuite.Kernel;

/// <summary>Validates every endpoint argument that has a FluentValidation validator; errors become a 400 with field errors.</summary>
internal sealed class ValidationFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        foreach (var argument in context.Arguments)
        {
            if (argument is null) continue;
            var validatorType = typeof(IValidator<>).MakeGenericType(argument.GetType());
            var services = context.HttpContext.RequestServices;
            if (services.GetService(validatorType) is not IValidator validator) continue;
            var result = await FieldNames.ValidateAsync(validator, new ValidationContext<object>(argument), services.GetRequiredService<JsonStringLocalizer>(),
                context.HttpContext.RequestAborted);
            if (!result.IsValid)
                throw new ValidationException(result.Errors
                    .GroupBy(e => CamelCase(e.PropertyName))
                    .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()));
        }
        return await next(context);
    }

    private static string CamelCase(string path) =>
        string.Join('.', path.Split('.').Select(part => JsonNamingPolicy.CamelCase.ConvertName(part)));
}

/// <summary>
/// Field names in validation messages come from the <c>Field:{Property}</c> texts of the validator's module (then the
/// kernel's, then any module's), in the request's language. FluentValidation asks one process-wide resolver for them
/// (installed by <see cref="ProcessSetup"/>); the validation under way says whose texts to use, so hosts built side by
/// side in one process do not overwrite each other's.
/// </summary>
internal static class FieldNames
{
    private static readonly AsyncLocal<(JsonStringLocalizer Texts, Assembly Module)?> Current = new();

    public static async Task<ValidationResult> ValidateAsync(IValidator validator, IValidationContext context, JsonStringLocalizer texts,
        CancellationToken cancellationToken)
    {
        ProcessSetup.EnsureInstalled();
        // Set inside this async method, the value flows into the validation and is gone again when it returns.
        Current.Value = (texts, validator.GetType().Assembly);
        return await validator.ValidateAsync(context, cancellationToken);
    }

    internal static string? Resolve(Type type, MemberInfo? member, LambdaExpression? expression) =>
        member is null ? null
        : Current.Value is { } current && current.Texts.OfModule(current.Module, "Field:" + member.Name) is { ResourceNotFound: false } text ? text.Value
        : member.Name;
}
