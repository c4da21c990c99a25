using BizSuite.Hr.Recruitment;
using BizSuite.Kernel;
using Shouldly;

namespace BizSuite.Hr.Tests;

public sealed class CandidateTests
{
    private static Candidate NewCandidate() => new(new SaveCandidateRequest("陈候选", " Chen@Example.test ", null, Guid.NewGuid()));

    /// <summary>A candidate brought to the stage the way the recruiter would.</summary>
    private static Candidate At(CandidateStage stage)
    {
        var candidate = NewCandidate();
        if (stage == CandidateStage.Rejected) candidate.MoveTo(CandidateStage.Rejected, "不合适", false);
        if (stage == CandidateStage.Screening) candidate.MoveTo(CandidateStage.Screening, null, false);
        if (stage >= CandidateStage.Interview && stage != CandidateStage.Rejected) candidate.MoveTo(CandidateStage.Interview, null, false);
        if (stage is CandidateStage.Offer or CandidateStage.Hired) candidate.OfferMade();
        if (stage == CandidateStage.Hired) candidate.Hired(Guid.NewGuid());
        return candidate;
    }

    [Theory]
    [InlineData(CandidateStage.Applied, CandidateStage.Screening)]
    [InlineData(CandidateStage.Applied, CandidateStage.Interview)]
    [InlineData(CandidateStage.Screening, CandidateStage.Interview)]
    [InlineData(CandidateStage.Interview, CandidateStage.Offer)]
    [InlineData(CandidateStage.Offer, CandidateStage.Rejected)]
    public void Candidates_move_forward_or_out(CandidateStage from, CandidateStage to)
    {
        var candidate = At(from);
        candidate.MoveTo(to, "理由", false);
        candidate.Stage.ShouldBe(to);
    }

    [Theory]
    [InlineData(CandidateStage.Screening, CandidateStage.Applied)]
    [InlineData(CandidateStage.Applied, CandidateStage.Offer)]
    [InlineData(CandidateStage.Interview, CandidateStage.Hired)]
    [InlineData(CandidateStage.Offer, CandidateStage.Hired)]
    [InlineData(CandidateStage.Hired, CandidateStage.Rejected)]
    [InlineData(CandidateStage.Rejected, CandidateStage.Screening)]
    public void Other_moves_are_refused(CandidateStage from, CandidateStage to)
    {
        var candidate = At(from);
        Should.Throw<BusinessException>(() => candidate.MoveTo(to, "理由", false)).Code.ShouldBe(HrErrors.CandidateStageNotAllowed);
        candidate.Stage.ShouldBe(from);
    }

    [Fact]
    public void Rejecting_needs_a_reason_and_keeps_it()
    {
        var candidate = At(CandidateStage.Screening);
        Should.Throw<BusinessException>(() => candidate.MoveTo(CandidateStage.Rejected, " ", false)).Field.ShouldBe("reason");
        candidate.MoveTo(CandidateStage.Rejected, " 经验不足 ", false);
        candidate.RejectionReason.ShouldBe("经验不足");
    }

    [Fact]
    public void Nothing_moves_while_the_offer_waits_for_approval()
    {
        var candidate = At(CandidateStage.Offer);
        Should.Throw<BusinessException>(() => candidate.MoveTo(CandidateStage.Rejected, "另有人选", hasPendingOffer: true)).Code.ShouldBe(HrErrors.OfferPending);
    }

    [Fact]
    public void Hiring_needs_the_offer_stage_and_an_approved_offer()
    {
        Should.Throw<BusinessException>(() => At(CandidateStage.Interview).Hired(Guid.NewGuid())).Code.ShouldBe(HrErrors.CandidateStageNotAllowed);
        var offer = new Offer(Guid.NewGuid(), "OF202600001", new MakeOfferRequest(15000.005m, new DateOnly(2026, 12, 1), "工程师", null, null));
        offer.MonthlySalary.ShouldBe(15000.01m);
        Should.Throw<BusinessException>(offer.EnsureHireable).Code.ShouldBe(HrErrors.OfferNotApproved);
        offer.Rejected("薪资过高");
        offer.Approved(null); // a late verdict does not overturn the first
        offer.Status.ShouldBe(OfferStatus.Rejected);
        Should.Throw<BusinessException>(offer.EnsureHireable);

        var candidate = At(CandidateStage.Offer);
        var employeeId = Guid.NewGuid();
        candidate.Hired(employeeId);
        candidate.Stage.ShouldBe(CandidateStage.Hired);
        candidate.EmployeeId.ShouldBe(employeeId);
    }

    [Fact]
    public void Interviews_are_recorded_until_the_candidate_is_hired_or_rejected()
    {
        var candidate = At(CandidateStage.Interview);
        candidate.RecordInterview(new DateTime(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc), " 王经理 ", InterviewResult.Pass, "沟通好");
        candidate.Interviews.Single().Interviewer.ShouldBe("王经理");
        Should.Throw<BusinessException>(() => At(CandidateStage.Rejected).RecordInterview(DateTime.UtcNow, "王经理", InterviewResult.Fail, null));
    }
}
