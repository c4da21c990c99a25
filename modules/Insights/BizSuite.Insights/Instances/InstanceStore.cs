using BizSuite.Insights.Data;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Insights.Instances;

/// <summary>Where the projector finds and keeps instances: the database in the business transaction, memory while rebuilding.</summary>
internal interface IInstanceStore
{
    Task<ProcessInstance?> FindAsync(string documentType, Guid documentId, CancellationToken ct);
    ProcessInstance Add(string documentType, Guid documentId);
    Task<ApprovalStepInstance?> OpenStepAsync(Guid approvalId, CancellationToken ct);
    void AddStep(ApprovalStepInstance step);
    Guid? TenantId { get; }
}

/// <summary>The instances of the current tenant in its database, inside the unit of work of the event that changes them.</summary>
internal sealed class DbInstanceStore(InsightsDbContext db, BizSuite.Kernel.ICurrentTenant tenant) : IInstanceStore
{
    public Guid? TenantId => tenant.Id;

    public async Task<ProcessInstance?> FindAsync(string documentType, Guid documentId, CancellationToken ct) =>
        // An instance added by an earlier event of the same round is not saved yet.
        db.Instances.Local.FirstOrDefault(i => i.DocumentType == documentType && i.DocumentId == documentId && i.TenantId == tenant.Id)
        ?? await db.Instances.Include(i => i.Milestones).FirstOrDefaultAsync(i => i.DocumentType == documentType && i.DocumentId == documentId, ct);

    public ProcessInstance Add(string documentType, Guid documentId)
    {
        var instance = new ProcessInstance(tenant.Id, documentType, documentId);
        db.Instances.Add(instance);
        return instance;
    }

    public async Task<ApprovalStepInstance?> OpenStepAsync(Guid approvalId, CancellationToken ct) =>
        db.ApprovalSteps.Local.FirstOrDefault(s => s.ApprovalId == approvalId && s.EndedAt is null && s.TenantId == tenant.Id)
        ?? await db.ApprovalSteps.FirstOrDefaultAsync(s => s.ApprovalId == approvalId && s.EndedAt == null, ct);

    public void AddStep(ApprovalStepInstance step) => db.ApprovalSteps.Add(step);
}

/// <summary>A rebuild starts from nothing and holds every instance in memory until it writes them at the end.</summary>
internal sealed class MemoryInstanceStore(Guid tenantId) : IInstanceStore
{
    private readonly Dictionary<(string, Guid), ProcessInstance> _instances = [];
    private readonly Dictionary<Guid, ApprovalStepInstance> _openSteps = [];

    public Guid? TenantId => tenantId;
    public List<ApprovalStepInstance> Steps { get; } = [];
    public IEnumerable<ProcessInstance> Instances => _instances.Values;

    public Task<ProcessInstance?> FindAsync(string documentType, Guid documentId, CancellationToken ct) =>
        Task.FromResult(_instances.GetValueOrDefault((documentType, documentId)));

    public ProcessInstance Add(string documentType, Guid documentId) =>
        _instances[(documentType, documentId)] = new ProcessInstance(tenantId, documentType, documentId);

    public Task<ApprovalStepInstance?> OpenStepAsync(Guid approvalId, CancellationToken ct)
    {
        if (_openSteps.TryGetValue(approvalId, out var step) && step.EndedAt is null) return Task.FromResult<ApprovalStepInstance?>(step);
        return Task.FromResult<ApprovalStepInstance?>(null);
    }

    public void AddStep(ApprovalStepInstance step)
    {
        Steps.Add(step);
        _openSteps[step.ApprovalId] = step;
    }
}
