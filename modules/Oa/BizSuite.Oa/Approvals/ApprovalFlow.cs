using BizSuite.Kernel;

namespace BizSuite.Oa.Approvals;

/// <summary>
/// How a tenant approves one document type (审批流程): ordered steps, each with an approver rule and an
/// optional condition. Approvals copy the steps when they start, so editing a flow never changes one in progress.
/// </summary>
[Audited]
internal sealed class ApprovalFlow : AggregateRoot, IMultiTenant
{
    private readonly List<FlowStep> _steps = [];

    public Guid? TenantId { get; private set; }
    public string DocumentType { get; private set; } = "";
    public string Name { get; private set; } = "";
    public IReadOnlyList<FlowStep> Steps => _steps;

    private ApprovalFlow() { }

    public static ApprovalFlow Define(string documentType, string name, IEnumerable<FlowStep> steps)
    {
        var flow = new ApprovalFlow { DocumentType = documentType };
        flow.Change(name, steps);
        return flow;
    }

    public void Change(string name, IEnumerable<FlowStep> steps)
    {
        Name = name.Trim();
        _steps.Clear();
        _steps.AddRange(steps.Select((step, index) => step.At(index + 1)));
    }
}

/// <summary>One step of a flow; the same shape is copied into each approval.</summary>
internal sealed class FlowStep
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public int Number { get; private set; }
    public ApproverRule Rule { get; private set; }
    public string? RoleName { get; private set; }
    public Guid? UserId { get; private set; }
    public StepCondition Condition { get; private set; }
    public decimal? Threshold { get; private set; }

    private FlowStep() { }

    public static FlowStep Create(ApproverRule rule, string? roleName, Guid? userId, StepCondition condition = StepCondition.Always, decimal? threshold = null) => new()
    {
        Rule = rule,
        RoleName = rule == ApproverRule.Role ? roleName?.Trim() : null,
        UserId = rule == ApproverRule.User ? userId : null,
        Condition = condition,
        Threshold = condition == StepCondition.Always ? null : threshold,
    };

    public FlowStep At(int number)
    {
        Number = number;
        return this;
    }
}
