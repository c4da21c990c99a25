using BizSuite.Kernel;
using Microsoft.Extensions.DependencyInjection;

namespace BizSuite.Oa;

/// <summary>
/// How a module follows the engine's verdicts on its own document type: approved, rejected with the comment, or withdrawn.
/// Verdicts on other document types pass by. Register with <see cref="ApprovalOutcomeRegistration.AddApprovalOutcomes{T}"/>.
/// </summary>
public abstract class ApprovalOutcomes(string documentType)
    : IDomainEventHandler<ApprovalCompleted>, IDomainEventHandler<ApprovalRejected>, IDomainEventHandler<ApprovalWithdrawn>,
      IDomainEventHandler<ApprovalReturned>
{
    protected abstract Task ApprovedAsync(Guid documentId, string? comment, CancellationToken ct);
    protected abstract Task RejectedAsync(Guid documentId, string comment, CancellationToken ct);
    protected abstract Task WithdrawnAsync(Guid documentId, CancellationToken ct);

    /// <summary>
    /// The request was returned to its applicant (退回) with the comment. By default the document stays as it is and the applicant
    /// submits it again from the approval; a module whose document can be edited moves it back to editing, and its next submission
    /// (through <see cref="IApprovalService.RequestAsync"/>) resumes the same approval.
    /// </summary>
    protected virtual Task ReturnedAsync(Guid documentId, string comment, CancellationToken ct) => Task.CompletedTask;

    public Task HandleAsync(ApprovalCompleted e, CancellationToken ct) =>
        e.DocumentType == documentType ? ApprovedAsync(e.DocumentId, e.Comment, ct) : Task.CompletedTask;

    public Task HandleAsync(ApprovalRejected e, CancellationToken ct) =>
        e.DocumentType == documentType ? RejectedAsync(e.DocumentId, e.Comment, ct) : Task.CompletedTask;

    public Task HandleAsync(ApprovalWithdrawn e, CancellationToken ct) =>
        e.DocumentType == documentType ? WithdrawnAsync(e.DocumentId, ct) : Task.CompletedTask;

    public Task HandleAsync(ApprovalReturned e, CancellationToken ct) =>
        e.DocumentType == documentType && e.ToStep == 0 ? ReturnedAsync(e.DocumentId, e.Comment, ct) : Task.CompletedTask;
}

public static class ApprovalOutcomeRegistration
{
    /// <summary>One instance per scope answers all the verdict events.</summary>
    public static IServiceCollection AddApprovalOutcomes<T>(this IServiceCollection services) where T : ApprovalOutcomes
    {
        services.AddScoped<T>();
        services.AddScoped<IDomainEventHandler<ApprovalCompleted>>(sp => sp.GetRequiredService<T>());
        services.AddScoped<IDomainEventHandler<ApprovalRejected>>(sp => sp.GetRequiredService<T>());
        services.AddScoped<IDomainEventHandler<ApprovalWithdrawn>>(sp => sp.GetRequiredService<T>());
        services.AddScoped<IDomainEventHandler<ApprovalReturned>>(sp => sp.GetRequiredService<T>());
        return services;
    }
}
