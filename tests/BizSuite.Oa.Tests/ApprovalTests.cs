using BizSuite.Hr;
using BizSuite.Identity;
using BizSuite.Kernel;
using BizSuite.Oa.Approvals;
using Shouldly;

namespace BizSuite.Oa.Tests;

public sealed class ApprovalTests
{
    private static readonly DateTime T0 = new(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Applicant = Guid.NewGuid(), Head = Guid.NewGuid(), Boss = Guid.NewGuid(), Other = Guid.NewGuid();

    private readonly FakeDirectory _directory = new();
    private readonly ApproverResolver _resolver;

    public ApprovalTests()
    {
        _directory.Roles["admin"] = [Boss];
        _directory.Heads[Applicant] = Head;
        _directory.Active.UnionWith([Applicant, Head, Boss, Other]);
        _resolver = new ApproverResolver(_directory, _directory);
    }

    private ResolveApprovers Resolve => _resolver.For(ApprovalDocumentTypes.ExpenseClaim, T0, CancellationToken.None);

    private static ApprovalRequest Claim(decimal? amount = null, decimal? days = null) =>
        new(ApprovalDocumentTypes.ExpenseClaim, Guid.NewGuid(), "BX0001", "出差报销", Applicant, amount, "CNY", days);

    /// <summary>The seeded expense-claim flow: department head, then admin above 5000.</summary>
    private static FlowStep[] HeadThenAdminAbove(decimal threshold) =>
    [
        FlowStep.Create(ApproverRule.DepartmentHead, null, null).At(1),
        FlowStep.Create(ApproverRule.Role, "admin", null, StepCondition.AmountAbove, threshold).At(2),
    ];

    [Fact]
    public async Task A_claim_below_the_threshold_needs_only_the_department_head()
    {
        var approval = await Approval.SubmitAsync(Claim(amount: 800m), HeadThenAdminAbove(5000m), Resolve, T0);
        approval.CurrentStep.ShouldBe(1);
        approval.IsApproverOfCurrentStep(Head).ShouldBeTrue();
        approval.RaisedEvents.Select(e => e.Event).OfType<ApprovalStepAssigned>().Single().ApproverUserIds.ShouldBe([Head]);

        await approval.ApproveAsync(Head, "ok", Resolve, T0.AddHours(3));

        approval.Status.ShouldBe(ApprovalStatus.Approved);
        approval.Steps.Single(s => s.Number == 2).State.ShouldBe(ApprovalStepState.Skipped);
        approval.History.Select(h => h.Action).ShouldBe([ApprovalAction.Submitted, ApprovalAction.Approved, ApprovalAction.Skipped]);
        approval.History.Single(h => h.Action == ApprovalAction.Approved).DurationSeconds.ShouldBe(3 * 3600);
        approval.RaisedEvents.Select(e => e.Event).OfType<ApprovalCompleted>().Single().Comment.ShouldBe("ok");
        approval.PendingDocumentId.ShouldBeNull();
    }

    [Fact]
    public async Task A_claim_above_the_threshold_goes_on_to_the_admin_after_the_head()
    {
        var approval = await Approval.SubmitAsync(Claim(amount: 6000m), HeadThenAdminAbove(5000m), Resolve, T0);
        await approval.ApproveAsync(Head, null, Resolve, T0.AddMinutes(10));

        approval.Status.ShouldBe(ApprovalStatus.Pending);
        approval.CurrentStep.ShouldBe(2);
        approval.IsApproverOfCurrentStep(Head).ShouldBeFalse();
        approval.IsApproverOfCurrentStep(Boss).ShouldBeTrue();
        approval.RaisedEvents.Select(e => e.Event).OfType<ApprovalStepAssigned>().Select(e => e.StepNumber).ShouldBe([1, 2]);

        await approval.ApproveAsync(Boss, null, Resolve, T0.AddMinutes(70));
        approval.Status.ShouldBe(ApprovalStatus.Approved);
        approval.History.Last().DurationSeconds.ShouldBe(3600, "the second step started when the head approved");
    }

    [Theory]
    [InlineData(5000, false)]
    [InlineData(5000.01, true)]
    public void Amount_above_is_strictly_above(decimal amount, bool applies) =>
        ApprovalStep.CopyOf(FlowStep.Create(ApproverRule.Role, "admin", null, StepCondition.AmountAbove, 5000m)).AppliesTo(amount, null).ShouldBe(applies);

    [Fact]
    public void A_missing_amount_or_day_count_makes_the_condition_false()
    {
        ApprovalStep.CopyOf(FlowStep.Create(ApproverRule.Role, "admin", null, StepCondition.AmountAbove, 0m)).AppliesTo(null, 10m).ShouldBeFalse();
        ApprovalStep.CopyOf(FlowStep.Create(ApproverRule.Role, "admin", null, StepCondition.DaysAbove, 3m)).AppliesTo(100m, null).ShouldBeFalse();
        ApprovalStep.CopyOf(FlowStep.Create(ApproverRule.Role, "admin", null, StepCondition.DaysAbove, 3m)).AppliesTo(null, 3.5m).ShouldBeTrue();
        ApprovalStep.CopyOf(FlowStep.Create(ApproverRule.Role, "admin", null)).AppliesTo(null, null).ShouldBeTrue();
    }

    [Fact]
    public async Task When_every_step_is_skipped_the_approval_completes_at_once()
    {
        FlowStep[] longLeaveOnly = [FlowStep.Create(ApproverRule.DepartmentHead, null, null, StepCondition.DaysAbove, 3m).At(1)];
        var approval = await Approval.SubmitAsync(Claim(days: 2m), longLeaveOnly, Resolve, T0);

        approval.Status.ShouldBe(ApprovalStatus.Approved);
        approval.FinishedAt.ShouldBe(T0);
        approval.RaisedEvents.Select(e => e.Event.GetType()).ShouldBe([typeof(ApprovalCompleted)]);
    }

    [Fact]
    public async Task Without_a_flow_the_approval_completes_at_once()
    {
        var approval = await Approval.SubmitAsync(Claim(), [], Resolve, T0);
        approval.Status.ShouldBe(ApprovalStatus.Approved);
        approval.RaisedEvents.Single().Event.ShouldBeOfType<ApprovalCompleted>();
    }

    [Fact]
    public async Task A_step_that_finds_nobody_fails_the_request()
    {
        _directory.Heads.Clear();
        var error = await Should.ThrowAsync<BusinessException>(() => Approval.SubmitAsync(Claim(), HeadThenAdminAbove(0m), Resolve, T0));
        error.Code.ShouldBe(OaErrors.NoApprover);
    }

    [Fact]
    public async Task Rejection_ends_the_approval_with_the_comment()
    {
        var approval = await Approval.SubmitAsync(Claim(amount: 6000m), HeadThenAdminAbove(5000m), Resolve, T0);
        approval.Reject(Head, "  缺少发票 ", T0.AddMinutes(5));

        approval.Status.ShouldBe(ApprovalStatus.Rejected);
        approval.Steps.Select(s => s.State).ShouldBe([ApprovalStepState.Rejected, ApprovalStepState.Waiting]);
        var rejected = approval.RaisedEvents.Select(e => e.Event).OfType<ApprovalRejected>().Single();
        (rejected.Comment, rejected.RejectedBy).ShouldBe(("缺少发票", Head));
        (await Should.ThrowAsync<BusinessException>(() => approval.ApproveAsync(Head, null, Resolve, T0))).Code.ShouldBe(OaErrors.ApprovalNotPending);
    }

    [Fact]
    public async Task Only_the_applicant_withdraws_and_only_while_pending()
    {
        var approval = await Approval.SubmitAsync(Claim(), HeadThenAdminAbove(5000m), Resolve, T0);
        Should.Throw<BusinessException>(() => approval.Withdraw(Head, T0)).Code.ShouldBe(OaErrors.NotTheApplicant);

        approval.Withdraw(Applicant, T0.AddMinutes(1));
        approval.Status.ShouldBe(ApprovalStatus.Withdrawn);
        approval.RaisedEvents.Select(e => e.Event).OfType<ApprovalWithdrawn>().ShouldHaveSingleItem();
        approval.IsApproverOfCurrentStep(Head).ShouldBeFalse();
        Should.Throw<BusinessException>(() => approval.Withdraw(Applicant, T0)).Code.ShouldBe(OaErrors.ApprovalNotPending);
    }

    [Fact]
    public async Task Someone_who_is_not_an_approver_of_the_current_step_cannot_decide()
    {
        var approval = await Approval.SubmitAsync(Claim(amount: 6000m), HeadThenAdminAbove(5000m), Resolve, T0);
        (await Should.ThrowAsync<BusinessException>(() => approval.ApproveAsync(Boss, null, Resolve, T0))).Code.ShouldBe(OaErrors.NotAnApprover);
        Should.Throw<BusinessException>(() => approval.Reject(Other, "no", T0)).Code.ShouldBe(OaErrors.NotAnApprover);
    }

    [Fact]
    public async Task An_applicant_who_heads_the_department_decides_their_own_step()
    {
        _directory.Heads[Applicant] = Applicant;
        var approval = await Approval.SubmitAsync(Claim(), [FlowStep.Create(ApproverRule.DepartmentHead, null, null).At(1)], Resolve, T0);
        await approval.ApproveAsync(Applicant, null, Resolve, T0);
        approval.Status.ShouldBe(ApprovalStatus.Approved);
    }

    [Fact]
    public async Task Any_active_holder_of_the_role_may_decide_and_an_inactive_named_user_is_nobody()
    {
        _directory.Roles["finance"] = [Other, Boss];
        var approval = await Approval.SubmitAsync(Claim(), [FlowStep.Create(ApproverRule.Role, "finance", null).At(1)], Resolve, T0);
        approval.Assignees.Select(a => a.UserId).ShouldBe([Other, Boss]);
        await approval.ApproveAsync(Boss, null, Resolve, T0);
        approval.Status.ShouldBe(ApprovalStatus.Approved);

        _directory.Active.Remove(Other);
        var named = await Should.ThrowAsync<BusinessException>(() =>
            Approval.SubmitAsync(Claim(), [FlowStep.Create(ApproverRule.User, null, Other).At(1)], Resolve, T0));
        named.Code.ShouldBe(OaErrors.NoApprover);
    }

    [Fact]
    public async Task Without_HR_the_department_head_rule_finds_nobody()
    {
        var resolver = new ApproverResolver(_directory);
        var step = ApprovalStep.CopyOf(FlowStep.Create(ApproverRule.DepartmentHead, null, null).At(1));
        (await resolver.ResolveAsync(step, Applicant, CancellationToken.None)).ShouldBeEmpty();
    }

    internal sealed class FakeDirectory : IUserDirectory, IOrgDirectory
    {
        public Dictionary<string, Guid[]> Roles { get; } = [];
        public Dictionary<Guid, Guid> Heads { get; } = [];
        public HashSet<Guid> Active { get; } = [];

        public Task<IReadOnlyList<Guid>> FindUsersInRoleAsync(string roleName, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<Guid>>(Roles.GetValueOrDefault(roleName, []).Where(Active.Contains).ToList());

        public Task<IReadOnlyList<Guid>> FindUsersWithPermissionAsync(string permission, CancellationToken ct) => Task.FromResult<IReadOnlyList<Guid>>([]);

        public Task<IReadOnlyList<UserContact>> FindAsync(IReadOnlyCollection<Guid> userIds, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<UserContact>>(userIds.Where(Active.Contains).Select(u => new UserContact(u, "u", "User", "u@x.test")).ToList());

        public Task<Guid?> FindDepartmentHeadAsync(Guid userId, CancellationToken ct) =>
            Task.FromResult(Heads.TryGetValue(userId, out var head) ? head : (Guid?)null);

        public Task<IReadOnlyList<Guid>> DepartmentPathAsync(Guid userId, CancellationToken ct) => Task.FromResult<IReadOnlyList<Guid>>([]);
    }
}
