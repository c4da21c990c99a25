using BizSuite.Kernel;
using Microsoft.AspNetCore.Http;

namespace BizSuite.Hr.Recruitment;

/// <summary>
/// An offer (录用通知) to a candidate, approved through the OA engine. A refused or withdrawn offer stays as history;
/// the recruiter may make a new one, and only an approved offer lets the candidate be hired.
/// </summary>
[Audited]
internal sealed class Offer : AggregateRoot, IMultiTenant
{
    public const string Currency = "CNY";

    public Guid? TenantId { get; private set; }
    public Guid CandidateId { get; private set; }
    public string Number { get; private set; } = "";
    public decimal MonthlySalary { get; private set; }
    public DateOnly StartDate { get; private set; }
    public string Position { get; private set; } = "";
    public Guid? DepartmentId { get; private set; }
    public Guid? ManagerId { get; private set; }
    public OfferStatus Status { get; private set; }
    public string? DecisionComment { get; private set; }

    private Offer() { }

    public Offer(Guid candidateId, string number, MakeOfferRequest data)
    {
        CandidateId = candidateId;
        Number = number;
        MonthlySalary = Math.Round(data.MonthlySalary, 2, MidpointRounding.AwayFromZero);
        StartDate = data.StartDate;
        Position = data.Position.Trim();
        DepartmentId = data.DepartmentId;
        ManagerId = data.ManagerId;
        Status = OfferStatus.Pending;
    }

    public void Approved(string? comment) => Decide(OfferStatus.Approved, comment);

    public void Rejected(string comment) => Decide(OfferStatus.Rejected, comment);

    public void Withdrawn() => Decide(OfferStatus.Withdrawn, null);

    private void Decide(OfferStatus status, string? comment)
    {
        // The engine decides each approval once; a replayed event finds the offer already decided.
        if (Status != OfferStatus.Pending) return;
        Status = status;
        DecisionComment = comment;
    }

    public void EnsureHireable()
    {
        if (Status != OfferStatus.Approved) throw new BusinessException(HrErrors.OfferNotApproved, StatusCodes.Status409Conflict);
    }
}
