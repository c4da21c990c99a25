using BizSuite.Kernel;
using BizSuite.Oa.Approvals;
using Shouldly;

namespace BizSuite.Oa.Tests;

/// <summary>Step modes (或签, 会签, 依次, N of M) and the actions on a step (加签, 转交, 退回, 催办, 抄送, 委托, timeouts), without a database.</summary>
public sealed class ApprovalActionTests
{
    private static readonly DateTime T0 = new(2026, 11, 2, 1, 0, 0, DateTimeKind.Utc); // Monday 09:00 in Beijing
    private static readonly Guid Applicant = Guid.NewGuid(), Wang = Guid.NewGuid(), Zhou = Guid.NewGuid(), Chen = Guid.NewGuid(),
        Finance = Guid.NewGuid(), Extra = Guid.NewGuid(), Head = Guid.NewGuid(), Boss = Guid.NewGuid();

    private readonly ApprovalTests.FakeDirectory _directory = new();
    private readonly FakeSubstitutes _substitutes = new();
    private readonly ApproverResolver _resolver;

    public ApprovalActionTests()
    {
        _directory.Roles["managers"] = [Wang, Zhou];
        _directory.Roles["board"] = [Wang, Zhou, Chen];
        _directory.Roles["finance"] = [Finance];
        _directory.Heads[Applicant] = Head;
        _directory.Heads[Wang] = Boss;
        _directory.Active.UnionWith([Applicant, Wang, Zhou, Chen, Finance, Extra, Head, Boss]);
        _resolver = new ApproverResolver(_directory, _directory, _substitutes);
    }

    private ResolveApprovers Resolve => _resolver.For(ApprovalDocumentTypes.Contract, T0, CancellationToken.None);

    private static ApprovalRequest Contract(decimal amount = 200_000m) =>
        new(ApprovalDocumentTypes.Contract, Guid.NewGuid(), "HT0001", "年度服务合同", Applicant, amount, "CNY");

    private static FlowStep Step(string role, StepMode mode, int? required = null, int? deadline = null, StepTimeoutAction onTimeout = StepTimeoutAction.None) =>
        FlowStep.Create(ApproverRule.Role, role, null, mode: mode, requiredApprovals: required, deadlineHours: deadline, timeoutAction: onTimeout);

    /// <summary>Managers (the given mode), then finance alone.</summary>
    private Task<Approval> SubmitAsync(StepMode mode, int? required = null, ResubmitFrom resubmitFrom = ResubmitFrom.ReturningStep, IEnumerable<FlowCc>? cc = null,
        string role = "managers") =>
        Approval.SubmitAsync(Contract(), [Step(role, mode, required).At(1), Step("finance", StepMode.Any).At(2)], Resolve, T0, resubmitFrom, cc);

    private static IEnumerable<T> Events<T>(Approval a) => a.RaisedEvents.Select(e => e.Event).OfType<T>();

    [Fact]
    public async Task Any_sign_the_first_approver_settles_the_step_and_the_other_can_no_longer_act()
    {
        var approval = await SubmitAsync(StepMode.Any);
        approval.CurrentApprovers.ShouldBe([Wang, Zhou]);

        await approval.ApproveAsync(Zhou, "可以", Resolve, T0.AddMinutes(5));

        approval.CurrentStep.ShouldBe(2);
        approval.CurrentApprovers.ShouldBe([Finance]);
        approval.Assignees.Single(a => a.UserId == Wang).State.ShouldBe(AssigneeState.Cancelled);
        (await Should.ThrowAsync<BusinessException>(() => approval.ApproveAsync(Wang, null, Resolve, T0))).Code.ShouldBe(OaErrors.AlreadyDecided,
            "zhou settled the step for wang too: a conflict");
        (await Should.ThrowAsync<BusinessException>(() => approval.ApproveAsync(Zhou, null, Resolve, T0))).Code.ShouldBe(OaErrors.AlreadyDecided);
        (await Should.ThrowAsync<BusinessException>(() => approval.ApproveAsync(Chen, null, Resolve, T0))).StatusCode.ShouldBe(403);
    }

    [Fact]
    public async Task Countersign_needs_every_approver_and_acting_twice_is_a_conflict()
    {
        var approval = await SubmitAsync(StepMode.All);
        await approval.ApproveAsync(Wang, null, Resolve, T0.AddMinutes(5));

        approval.CurrentStep.ShouldBe(1, "zhou has not signed yet");
        approval.CurrentApprovers.ShouldBe([Zhou]);
        var twice = await Should.ThrowAsync<BusinessException>(() => approval.ApproveAsync(Wang, null, Resolve, T0.AddMinutes(6)));
        (twice.Code, twice.StatusCode).ShouldBe((OaErrors.AlreadyDecided, 409));

        await approval.ApproveAsync(Zhou, null, Resolve, T0.AddMinutes(10));
        approval.CurrentStep.ShouldBe(2);
    }

    [Fact]
    public async Task Countersign_one_rejection_rejects_the_request()
    {
        var approval = await SubmitAsync(StepMode.All);
        await approval.ApproveAsync(Wang, null, Resolve, T0);
        approval.Reject(Zhou, "价格过低", T0.AddMinutes(1));

        approval.Status.ShouldBe(ApprovalStatus.Rejected);
        Events<ApprovalRejected>(approval).Single().RejectedBy.ShouldBe(Zhou);
    }

    [Fact]
    public async Task Sequential_approvers_decide_one_after_another_in_order()
    {
        var approval = await SubmitAsync(StepMode.Sequential);
        approval.CurrentApprovers.ShouldBe([Wang]);
        (await Should.ThrowAsync<BusinessException>(() => approval.ApproveAsync(Zhou, null, Resolve, T0))).Code.ShouldBe(OaErrors.NotAnApprover);

        await approval.ApproveAsync(Wang, null, Resolve, T0.AddMinutes(1));
        approval.CurrentApprovers.ShouldBe([Zhou]);
        Events<ApprovalStepAssigned>(approval).Select(e => e.ApproverUserIds.Single()).ShouldBe([Wang, Zhou]);

        await approval.ApproveAsync(Zhou, null, Resolve, T0.AddMinutes(2));
        approval.CurrentApprovers.ShouldBe([Finance]);
    }

    [Fact]
    public async Task Two_of_three_settles_on_the_second_approval_and_survives_one_rejection()
    {
        var approval = await SubmitAsync(StepMode.Quorum, required: 2, role: "board");
        approval.Reject(Chen, "不同意", T0);
        approval.Status.ShouldBe(ApprovalStatus.Pending, "two approvers remain, enough for two approvals");

        await approval.ApproveAsync(Wang, null, Resolve, T0.AddMinutes(1));
        approval.CurrentStep.ShouldBe(1);
        await approval.ApproveAsync(Zhou, null, Resolve, T0.AddMinutes(2));
        approval.CurrentStep.ShouldBe(2);
    }

    [Fact]
    public async Task Two_of_three_is_rejected_once_two_approvals_can_no_longer_be_reached()
    {
        var approval = await SubmitAsync(StepMode.Quorum, required: 2, role: "board");
        approval.Reject(Chen, "不同意", T0);
        approval.Reject(Wang, "也不同意", T0.AddMinutes(1));
        approval.Status.ShouldBe(ApprovalStatus.Rejected);
    }

    [Fact]
    public async Task A_signer_added_before_oneself_decides_first_then_it_comes_back()
    {
        var approval = await SubmitAsync(StepMode.All);
        approval.AddSigner(Wang, Extra, SignerPosition.Before, "请法务先看条款", T0.AddMinutes(1));

        approval.CurrentApprovers.ShouldBe([Zhou, Extra]);
        var added = approval.Assignees.Single(a => a.UserId == Extra);
        (added.Reason, added.AddedBy).ShouldBe(("请法务先看条款", Wang));
        (await Should.ThrowAsync<BusinessException>(() => approval.ApproveAsync(Wang, null, Resolve, T0))).Code.ShouldBe(OaErrors.NotAnApprover);
        Events<ApprovalSignerAdded>(approval).Single().Position.ShouldBe(SignerPosition.Before);

        await approval.ApproveAsync(Extra, null, Resolve, T0.AddMinutes(2));
        approval.CurrentApprovers.ShouldBe([Wang, Zhou]);
        await approval.ApproveAsync(Wang, null, Resolve, T0.AddMinutes(3));
        await approval.ApproveAsync(Zhou, null, Resolve, T0.AddMinutes(4));
        approval.CurrentStep.ShouldBe(2);
        approval.History.Single(h => h.Action == ApprovalAction.SignerAdded).TargetUserId.ShouldBe(Extra);
    }

    [Fact]
    public async Task A_signer_added_after_oneself_must_approve_before_the_step_moves_on_even_on_any_sign()
    {
        var approval = await SubmitAsync(StepMode.Any);
        approval.AddSigner(Wang, Extra, SignerPosition.After, "金额大，请老板也看", T0);
        approval.CurrentApprovers.ShouldBe([Wang, Zhou], "the one added after waits for wang");

        await approval.ApproveAsync(Wang, null, Resolve, T0.AddMinutes(1));
        approval.CurrentStep.ShouldBe(1);
        approval.CurrentApprovers.ShouldBe([Extra], "wang decided the 或签 step for zhou too; his added signer follows");

        await approval.ApproveAsync(Extra, null, Resolve, T0.AddMinutes(2));
        approval.CurrentStep.ShouldBe(2);
    }

    [Fact]
    public async Task Adding_someone_already_deciding_the_step_is_refused()
    {
        var approval = await SubmitAsync(StepMode.All);
        Should.Throw<BusinessException>(() => approval.AddSigner(Wang, Zhou, SignerPosition.After, "x", T0)).Code.ShouldBe(OaErrors.AlreadyApprover);
        Should.Throw<BusinessException>(() => approval.AddSigner(Finance, Extra, SignerPosition.After, "x", T0)).StatusCode.ShouldBe(403);
    }

    [Fact]
    public async Task A_transfer_hands_the_part_to_another_user_in_the_same_place()
    {
        var approval = await SubmitAsync(StepMode.All);
        approval.Transfer(Wang, Extra, "我出差，请陈经理处理", T0);

        approval.CurrentApprovers.ShouldBe([Zhou, Extra]);
        approval.Assignees.Single(a => a.UserId == Wang).State.ShouldBe(AssigneeState.Transferred);
        (await Should.ThrowAsync<BusinessException>(() => approval.ApproveAsync(Wang, null, Resolve, T0))).Code.ShouldBe(OaErrors.AlreadyDecided);
        Events<ApprovalTransferred>(approval).Single().ToUserId.ShouldBe(Extra);

        await approval.ApproveAsync(Zhou, null, Resolve, T0.AddMinutes(1));
        await approval.ApproveAsync(Extra, null, Resolve, T0.AddMinutes(2));
        approval.CurrentStep.ShouldBe(2);
    }

    [Fact]
    public async Task Returned_to_the_applicant_and_resubmitted_it_resumes_at_the_returning_step()
    {
        var approval = await SubmitAsync(StepMode.All);
        await approval.ApproveAsync(Wang, null, Resolve, T0);
        await approval.ApproveAsync(Zhou, null, Resolve, T0);
        await approval.ReturnAsync(Finance, 0, "请补充付款条款", Resolve, T0.AddHours(1));

        approval.Status.ShouldBe(ApprovalStatus.Returned);
        approval.CurrentApprovers.ShouldBeEmpty();
        approval.PendingDocumentId.ShouldBe(approval.DocumentId, "the document stays in its approval while the applicant edits it");
        Events<ApprovalReturned>(approval).Single().ShouldSatisfyAllConditions(e => e.ToStep.ShouldBe(0), e => e.FromStep.ShouldBe(2));
        (await Should.ThrowAsync<BusinessException>(() => approval.ResubmitAsync(Wang, null, null, Resolve, T0))).StatusCode.ShouldBe(403);

        await approval.ResubmitAsync(Applicant, Contract(250_000m), "已补充", Resolve, T0.AddHours(2));
        approval.Status.ShouldBe(ApprovalStatus.Pending);
        approval.Amount.ShouldBe(250_000m);
        approval.CurrentStep.ShouldBe(2);
        approval.CurrentApprovers.ShouldBe([Finance]);
        Events<ApprovalResubmitted>(approval).Single().ResumedAtStep.ShouldBe(2);
        await approval.ApproveAsync(Finance, null, Resolve, T0.AddHours(3));
        approval.Status.ShouldBe(ApprovalStatus.Approved);
    }

    [Fact]
    public async Task A_flow_that_restarts_sends_the_resubmitted_request_through_every_step_again()
    {
        var approval = await SubmitAsync(StepMode.Any, resubmitFrom: ResubmitFrom.Start);
        await approval.ApproveAsync(Wang, null, Resolve, T0);
        await approval.ReturnAsync(Finance, 0, "重做", Resolve, T0);
        await approval.ResubmitAsync(Applicant, null, null, Resolve, T0.AddHours(1));

        approval.CurrentStep.ShouldBe(1);
        approval.CurrentApprovers.ShouldBe([Wang, Zhou], "a new round of the first step");
        await approval.ApproveAsync(Wang, null, Resolve, T0.AddHours(2));
        approval.CurrentApprovers.ShouldBe([Finance]);
    }

    [Fact]
    public async Task Returned_to_an_earlier_step_that_step_decides_again_and_later_steps_follow()
    {
        var approval = await SubmitAsync(StepMode.Any);
        await approval.ApproveAsync(Wang, null, Resolve, T0);
        await Should.ThrowAsync<BusinessException>(() => approval.ReturnAsync(Finance, 2, "x", Resolve, T0));

        await approval.ReturnAsync(Finance, 1, "请经理再确认", Resolve, T0.AddMinutes(5));
        approval.Status.ShouldBe(ApprovalStatus.Pending);
        approval.CurrentStep.ShouldBe(1);
        approval.CurrentApprovers.ShouldBe([Wang, Zhou]);
        await approval.ApproveAsync(Zhou, null, Resolve, T0.AddMinutes(6));
        approval.CurrentApprovers.ShouldBe([Finance]);
    }

    [Fact]
    public async Task The_applicant_reminds_at_most_once_an_hour()
    {
        var approval = await SubmitAsync(StepMode.All);
        Should.Throw<BusinessException>(() => approval.Remind(Wang, T0)).StatusCode.ShouldBe(403);

        approval.Remind(Applicant, T0.AddMinutes(10));
        Events<ApprovalReminded>(approval).Single().ApproverUserIds.ShouldBe([Wang, Zhou]);
        Should.Throw<BusinessException>(() => approval.Remind(Applicant, T0.AddMinutes(69))).StatusCode.ShouldBe(429);
        approval.Remind(Applicant, T0.AddMinutes(70));
        Events<ApprovalReminded>(approval).Count().ShouldBe(2);
    }

    [Fact]
    public async Task Copies_go_out_at_submission_when_a_step_starts_and_at_completion()
    {
        var approval = await SubmitAsync(StepMode.Any, cc:
        [
            FlowCc.Create(CcMoment.Submission, null, ApproverRule.User, null, Extra),
            FlowCc.Create(CcMoment.Step, 2, ApproverRule.DepartmentHead, null, null),
            FlowCc.Create(CcMoment.Completion, null, ApproverRule.Role, "finance", null),
        ]);
        Events<ApprovalCopied>(approval).Single().UserIds.ShouldBe([Extra]);

        await approval.ApproveAsync(Wang, null, Resolve, T0);
        Events<ApprovalCopied>(approval).Last().ShouldSatisfyAllConditions(e => e.Moment.ShouldBe(CcMoment.Step), e => e.UserIds.ShouldBe([Head]));

        await approval.ApproveAsync(Finance, null, Resolve, T0);
        Events<ApprovalCopied>(approval).Last().UserIds.ShouldBe([Finance]);
        approval.Cc.ShouldAllBe(c => c.CopiedAt != null);
    }

    [Fact]
    public async Task A_delegating_approver_is_replaced_by_the_substitute_and_the_history_says_for_whom()
    {
        _substitutes.Map[Wang] = Chen;
        var approval = await SubmitAsync(StepMode.All);
        approval.CurrentApprovers.ShouldBe([Chen, Zhou]);

        await approval.ApproveAsync(Chen, "代王经理审批", Resolve, T0);
        approval.History.Single(h => h.UserId == Chen).OnBehalfOf.ShouldBe(Wang);
    }

    [Fact]
    public async Task Past_the_deadline_the_step_escalates_to_the_approvers_department_head()
    {
        var approval = await Approval.SubmitAsync(Contract(), [Step("managers", StepMode.All, deadline: 8, onTimeout: StepTimeoutAction.Escalate).At(1)],
            Resolve, T0);
        approval.Steps[0].DueAt.ShouldBe(T0.AddHours(8));
        (await approval.ApplyTimeoutAsync(Resolve, T0.AddHours(7))).ShouldBeFalse();

        (await approval.ApplyTimeoutAsync(Resolve, T0.AddHours(9))).ShouldBeTrue();
        approval.CurrentApprovers.ShouldBe([Zhou, Boss], "wang's head takes his part; zhou has no head");
        var escalated = approval.History.Single(h => h.Action == ApprovalAction.Escalated);
        (escalated.UserId, escalated.OnBehalfOf, escalated.TargetUserId).ShouldBe((null, Wang, Boss));
        (await approval.ApplyTimeoutAsync(Resolve, T0.AddHours(10))).ShouldBeFalse("once per step round");
    }

    [Fact]
    public async Task Past_the_deadline_a_step_may_approve_itself()
    {
        var approval = await Approval.SubmitAsync(Contract(), [Step("managers", StepMode.All, deadline: 4, onTimeout: StepTimeoutAction.AutoApprove).At(1)],
            Resolve, T0);
        await approval.ApplyTimeoutAsync(Resolve, T0.AddHours(5));
        approval.Status.ShouldBe(ApprovalStatus.Approved);
        approval.History.Select(h => h.Action).ShouldContain(ApprovalAction.AutoApproved);
    }

    [Theory]
    [InlineData("2026-11-06T09:00:00Z", 8, "2026-11-08T17:00:00Z")] // Friday 17:00 Beijing + 8 h: 7 h on Friday, 1 h on Monday
    [InlineData("2026-11-02T01:00:00Z", 24, "2026-11-03T01:00:00Z")]
    [InlineData("2026-11-07T02:00:00Z", 1, "2026-11-08T17:00:00Z")] // Saturday → Monday 00:00 + 1 h (Beijing)
    public void Deadlines_count_Monday_to_Friday_in_Beijing_time(string start, int hours, string due) =>
        WorkingHours.Add(DateTime.Parse(start).ToUniversalTime(), hours).ShouldBe(DateTime.Parse(due).ToUniversalTime());

    [Fact]
    public async Task Withdrawing_cancels_every_open_part()
    {
        var approval = await SubmitAsync(StepMode.All);
        approval.Withdraw(Applicant, T0);
        approval.Assignees.ShouldAllBe(a => a.State == AssigneeState.Cancelled);
    }

    private sealed class FakeSubstitutes : ISubstitutes
    {
        public Dictionary<Guid, Guid> Map { get; } = [];

        public Task<Guid?> FindAsync(Guid userId, string documentType, DateTime at, CancellationToken ct) =>
            Task.FromResult(Map.TryGetValue(userId, out var s) ? s : (Guid?)null);
    }
}
