using BizSuite.Kernel;

namespace BizSuite.Oa.Forms;

/// <summary>
/// A filled-in form (申请单) sent for approval: the form version it was made with and its values as JSON, checked against that
/// version's fields when submitted. Its status follows the approval's verdict.
/// </summary>
[Audited]
internal sealed class FormSubmission : AggregateRoot, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public Guid FormId { get; private set; }
    public string FormCode { get; private set; } = "";
    public int VersionNumber { get; private set; }
    public string Number { get; private set; } = "";
    public string Title { get; private set; } = "";
    public Guid ApplicantUserId { get; private set; }
    public string ValuesJson { get; private set; } = "{}";
    public decimal? Amount { get; private set; }
    public FormSubmissionStatus Status { get; private set; }
    public Guid? ApprovalId { get; private set; }
    public DateTime SubmittedAt { get; private set; }
    public DateTime? DecidedAt { get; private set; }

    private FormSubmission() { }

    public static FormSubmission Submit(ApprovalForm form, FormVersion version, string number, Guid applicantUserId, string valuesJson, decimal? amount,
        DateTime now)
    {
        version.MarkUsed(now);
        return new FormSubmission
        {
            FormId = form.Id,
            FormCode = form.Code,
            VersionNumber = version.Number,
            Number = number,
            Title = form.NameZh,
            ApplicantUserId = applicantUserId,
            ValuesJson = valuesJson,
            Amount = amount is { } a ? Money.Round(a) : null,
            Status = FormSubmissionStatus.Pending,
            SubmittedAt = now,
        };
    }

    public void AwaitApproval(Guid approvalId) => ApprovalId = approvalId;

    public void Decide(FormSubmissionStatus status, DateTime now)
    {
        Status = status;
        DecidedAt = now;
    }
}
