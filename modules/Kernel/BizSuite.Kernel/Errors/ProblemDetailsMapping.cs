using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using MySqlConnector;

namespace BizSuite.Kernel;

/// <summary>
/// Turns exceptions into localized ProblemDetails: 400 field errors, 404, 409, 422, 503 while the database cannot be
/// reached, and a bare 500 for bugs.
/// </summary>
internal sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, IStringLocalizer localizer, ILogger<ProblemDetailsExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ValidationException v => Validation(v.Errors),
            BusinessException b => Business(b),
            DbUpdateConcurrencyException => Problem(StatusCodes.Status409Conflict, KernelErrors.ConcurrencyConflict),
            // A unique index won a race that the code's own check lost (two users creating the same record at once).
            _ when DatabaseError(exception) is MySqlErrorCode.DuplicateKeyEntry => Problem(StatusCodes.Status409Conflict, KernelErrors.DuplicateRecord),
            // The database chose this transaction as a deadlock victim and rolled it back: the other request won, as with a version clash.
            _ when DatabaseError(exception) is MySqlErrorCode.LockDeadlock => Problem(StatusCodes.Status409Conflict, KernelErrors.ConcurrencyConflict),
            BadHttpRequestException bad => Problem(bad.StatusCode, KernelErrors.BadRequestBody, detail: bad.Message),
            // The database is down, restarting or out of reach: nothing was written, and the same call may well work shortly.
            _ when DatabaseOutage.IsUnreachable(exception) => Problem(StatusCodes.Status503ServiceUnavailable, KernelErrors.DatabaseUnavailable),
            _ => null,
        };
        if (problem?.Status == StatusCodes.Status503ServiceUnavailable)
        {
            // One line, no stack trace: during an outage every call lands here, and the cause is the same for all.
            logger.LogWarning("Database unreachable on {Method} {Path}: {Error} ({Type})", context.Request.Method, context.Request.Path,
                exception.GetBaseException().Message, exception.GetBaseException().GetType().Name);
            context.Response.Headers.RetryAfter = DatabaseOutage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled exception on {Method} {Path}", context.Request.Method, context.Request.Path);
            problem = Problem(StatusCodes.Status500InternalServerError, KernelErrors.InternalError);
        }
        context.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>The server's error code, however deep EF and the execution strategy wrapped it.</summary>
    private static MySqlErrorCode? DatabaseError(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
            if (e is MySqlException mysql) return mysql.ErrorCode;
        return null;
    }

    private ProblemDetails Validation(IReadOnlyDictionary<string, string[]> errors) =>
        new HttpValidationProblemDetails(errors.ToDictionary())
        {
            Status = StatusCodes.Status400BadRequest,
            Title = localizer[KernelErrors.ValidationFailed],
            Extensions = { ["code"] = KernelErrors.ValidationFailed },
        };

    private ProblemDetails Business(BusinessException b)
    {
        var message = localizer[b.Code, b.Args.Select(LocalizeEnum).ToArray()].Value;
        ProblemDetails problem;
        if (b.Field is null) problem = Problem(b.StatusCode, b.Code, message, b.Args);
        else
        {
            problem = Validation(new Dictionary<string, string[]> { [b.Field] = [message] });
            problem.Status = b.StatusCode;
            problem.Detail = message;
            problem.Extensions["code"] = b.Code;
        }
        foreach (var (key, value) in b.Extensions ?? new Dictionary<string, object?>()) problem.Extensions[key] = value;
        return problem;
    }

    /// <summary>An enum value in a message reads as the text <c>Enum:{Type}.{Value}</c> when the modules give one.</summary>
    private object LocalizeEnum(object arg) =>
        arg is Enum value && localizer[$"Enum:{value.GetType().Name}.{value}"] is { ResourceNotFound: false } text ? text.Value : arg;

    private ProblemDetails Problem(int status, string code, string? detail = null, params object[] args) => new()
    {
        Status = status,
        Title = localizer[code, args],
        Detail = detail,
        Extensions = { ["code"] = code },
    };
}
