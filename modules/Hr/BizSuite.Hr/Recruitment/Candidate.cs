using BizSuite.Kernel;
using Microsoft.AspNetCore.Http;

namespace BizSuite.Hr.Recruitment;

/// <summary>
/// A candidate (候选人) for an opening, moving through the stages: applied → screening → interview → offer → hired,
/// or rejected (with a reason) from any open stage. Hired is reached only by hiring with an approved offer.
/// </summary>
[Audited]
internal sealed class Candidate : AggregateRoot, IMultiTenant
{
    private static readonly Dictionary<CandidateStage, CandidateStage[]> Moves = new()
    {
        [CandidateStage.Applied] = [CandidateStage.Screening, CandidateStage.Interview, CandidateStage.Rejected],
        [CandidateStage.Screening] = [CandidateStage.Interview, CandidateStage.Rejected],
        [CandidateStage.Interview] = [CandidateStage.Offer, CandidateStage.Rejected],
        [CandidateStage.Offer] = [CandidateStage.Rejected],
        [CandidateStage.Hired] = [],
        [CandidateStage.Rejected] = [],
    };

    private readonly List<Interview> _interviews = [];

    public Guid? TenantId { get; private set; }
    public string Name { get; private set; } = "";
    public string Email { get; private set; } = "";
    public string? Phone { get; private set; }
    public Guid OpeningId { get; private set; }
    public CandidateStage Stage { get; private set; }
    public string? RejectionReason { get; private set; }
    public Guid? EmployeeId { get; private set; }
    public IReadOnlyList<Interview> Interviews => _interviews;

    private Candidate() { }

    public Candidate(SaveCandidateRequest data) => Update(data);

    public void Update(SaveCandidateRequest data)
    {
        Name = data.Name.Trim();
        Email = data.Email.Trim().ToLowerInvariant();
        Phone = string.IsNullOrWhiteSpace(data.Phone) ? null : data.Phone.Trim();
        OpeningId = data.OpeningId;
    }

    public static bool CanMove(CandidateStage from, CandidateStage to) => Moves[from].Contains(to);

    /// <summary>A move the recruiter makes by hand; <paramref name="hasPendingOffer"/> blocks it while the offer waits for approval.</summary>
    public void MoveTo(CandidateStage stage, string? reason, bool hasPendingOffer)
    {
        if (hasPendingOffer) throw new BusinessException(HrErrors.OfferPending, StatusCodes.Status409Conflict);
        Ensure(stage);
        if (stage == CandidateStage.Rejected && string.IsNullOrWhiteSpace(reason))
            throw new BusinessException(HrErrors.RejectionReasonRequired, StatusCodes.Status400BadRequest) { Field = "reason" };
        Stage = stage;
        RejectionReason = stage == CandidateStage.Rejected ? reason!.Trim() : null;
    }

    /// <summary>Making an offer moves an interviewed candidate to the offer stage; a new offer after a refused one keeps it there.</summary>
    public void OfferMade()
    {
        if (Stage != CandidateStage.Offer) Ensure(CandidateStage.Offer);
        Stage = CandidateStage.Offer;
    }

    /// <summary>Only a candidate at the offer stage is hired (once): checked before the employee is created.</summary>
    public void EnsureHireable()
    {
        if (Stage != CandidateStage.Offer) Ensure(CandidateStage.Hired);
    }

    public void Hired(Guid employeeId)
    {
        EnsureHireable();
        Stage = CandidateStage.Hired;
        EmployeeId = employeeId;
    }

    public Interview RecordInterview(DateTime at, string interviewer, InterviewResult result, string? notes)
    {
        if (Stage is CandidateStage.Hired or CandidateStage.Rejected) Ensure(CandidateStage.Interview);
        var interview = new Interview(at, interviewer.Trim(), result, string.IsNullOrWhiteSpace(notes) ? null : notes.Trim());
        _interviews.Add(interview);
        return interview;
    }

    private void Ensure(CandidateStage to)
    {
        if (!CanMove(Stage, to)) throw new BusinessException(HrErrors.CandidateStageNotAllowed, StatusCodes.Status409Conflict, Stage, to);
    }
}

/// <summary>One interview (面试记录) of a candidate.</summary>
internal sealed class Interview
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public DateTime At { get; private set; }
    public string Interviewer { get; private set; } = "";
    public InterviewResult Result { get; private set; }
    public string? Notes { get; private set; }

    private Interview() { }

    public Interview(DateTime at, string interviewer, InterviewResult result, string? notes)
    {
        At = at;
        Interviewer = interviewer;
        Result = result;
        Notes = notes;
    }
}
