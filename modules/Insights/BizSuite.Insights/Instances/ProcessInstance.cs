using BizSuite.Kernel;

namespace BizSuite.Insights.Instances;

/// <summary>
/// One document on its way through a process (a lead, a contract, an invoice, an approval, a purchase request …), with the
/// time of each milestone it reached. Written by the event handlers in the business transaction and rebuildable from the
/// journal; the dashboards read only these rows, never the journal.
/// </summary>
internal sealed class ProcessInstance : Entity, IMultiTenant
{
    private readonly List<ProcessMilestone> _milestones = [];

    public Guid? TenantId { get; private set; }
    /// <summary>One of <see cref="DocumentTypes"/>.</summary>
    public string DocumentType { get; private set; } = "";
    public Guid DocumentId { get; private set; }
    public string Number { get; set; } = "";
    public string Title { get; set; } = "";
    /// <summary>For an approval, the type of the document it decides (contract, expense-claim …).</summary>
    public string? Category { get; set; }
    /// <summary>The document this one came from: an order's contract, an invoice's contract, a purchase order's request.</summary>
    public Guid? ParentId { get; set; }
    public decimal? Amount { get; set; }
    public string? Currency { get; set; }
    /// <summary>An invoice's or a supplier bill's due date.</summary>
    public DateOnly? DueOn { get; set; }
    /// <summary>What was paid against an invoice so far.</summary>
    public decimal Settled { get; set; }
    /// <summary>
    /// When an invoice was issued, and when it was first paid in full or credited (null while open): the overdue share reads
    /// these two columns through one index over the invoices still open in its range, instead of joining milestones over
    /// the tenant's whole history.
    /// </summary>
    public DateTime? IssuedAt { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    public IReadOnlyList<ProcessMilestone> Milestones => _milestones;

    private ProcessInstance() { }

    public ProcessInstance(Guid? tenantId, string documentType, Guid documentId)
    {
        TenantId = tenantId;
        DocumentType = documentType;
        DocumentId = documentId;
    }

    public DateTime? Reached(string milestone) => _milestones.FirstOrDefault(m => m.Name == milestone)?.At;

    /// <summary>Records the first time the milestone was reached; later events of the same kind leave it (a first invoice stays the first).</summary>
    public void Reach(string milestone, DateTime at)
    {
        if (Reached(milestone) is not null) return;
        _milestones.Add(new ProcessMilestone(TenantId, Id, DocumentType, milestone, at));
        if (milestone == Instances.Milestones.Issued) IssuedAt = at;
        if (milestone is Instances.Milestones.Paid or Instances.Milestones.Credited && (ClosedAt is null || at < ClosedAt)) ClosedAt = at;
    }

    /// <summary>Moves a milestone that may happen again to its latest time (a contract submitted again after a rejection).</summary>
    public void ReachAgain(string milestone, DateTime at)
    {
        var existing = _milestones.FirstOrDefault(m => m.Name == milestone);
        if (existing is null) _milestones.Add(new ProcessMilestone(TenantId, Id, DocumentType, milestone, at));
        else existing.At = at;
    }
}

/// <summary>A milestone of an instance; its document type is repeated so a KPI finds its rows through one index.</summary>
internal sealed class ProcessMilestone : Entity, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public Guid InstanceId { get; private set; }
    public string DocumentType { get; private set; } = "";
    public string Name { get; private set; } = "";
    public DateTime At { get; set; }

    private ProcessMilestone() { }

    public ProcessMilestone(Guid? tenantId, Guid instanceId, string documentType, string name, DateTime at)
    {
        TenantId = tenantId;
        InstanceId = instanceId;
        DocumentType = documentType;
        Name = name;
        At = at;
    }
}

/// <summary>One step of an approval as it waited for its approvers: when it was assigned, to whom, and when and how it ended.</summary>
internal sealed class ApprovalStepInstance : Entity, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public Guid ApprovalId { get; private set; }
    public string DocumentType { get; private set; } = "";
    public Guid DocumentId { get; private set; }
    public int StepNumber { get; private set; }
    public DateTime AssignedAt { get; private set; }
    /// <summary>Comma-separated user ids of who may decide it.</summary>
    public string Approvers { get; private set; } = "";
    public DateTime? EndedAt { get; private set; }
    public string? Outcome { get; private set; }

    private ApprovalStepInstance() { }

    public ApprovalStepInstance(Guid? tenantId, Guid approvalId, string documentType, Guid documentId, int stepNumber, IEnumerable<Guid> approvers, DateTime at)
    {
        TenantId = tenantId;
        ApprovalId = approvalId;
        DocumentType = documentType;
        DocumentId = documentId;
        StepNumber = stepNumber;
        Approvers = string.Join(',', approvers);
        AssignedAt = at;
    }

    public IEnumerable<Guid> ApproverIds => Approvers.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse);

    public void End(string outcome, DateTime at)
    {
        if (EndedAt is not null) return;
        EndedAt = at;
        Outcome = outcome;
    }
}

/// <summary>The kinds of instances and the names of their milestones.</summary>
internal static class DocumentTypes
{
    public const string Lead = "lead";
    public const string Opportunity = "opportunity";
    public const string Contract = "contract";
    public const string SalesOrder = "sales-order";
    public const string Invoice = "invoice";
    public const string Approval = "approval";
    public const string ExpenseClaim = "expense-claim";
    public const string PurchaseRequest = "purchase-request";
    public const string PurchaseOrder = "purchase-order";
    public const string SupplierBill = "supplier-bill";
    public const string Candidate = "candidate";
    public const string Offer = "offer";
    public const string Employee = "employee";
    public const string JobOpening = "job-opening";

    /// <summary>Where the web app shows the document (its page, else its document chain).</summary>
    public static string Link(string documentType, Guid documentId) => documentType switch
    {
        Contract => $"/crm/contracts/{documentId}",
        SalesOrder => $"/orders/sales-orders/{documentId}",
        Invoice => $"/finance/invoices/{documentId}",
        Approval => $"/oa/approvals/{documentId}",
        ExpenseClaim => $"/hr/expenses/{documentId}",
        Candidate => $"/hr/candidates/{documentId}",
        _ => $"/documents/{documentId}",
    };
}

internal static class Milestones
{
    public const string Created = "created";
    public const string Qualified = "qualified";
    public const string Disqualified = "disqualified";
    public const string Opened = "opened";
    public const string Won = "won";
    public const string Lost = "lost";
    public const string Submitted = "submitted";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Withdrawn = "withdrawn";
    public const string Decided = "decided";
    public const string Signed = "signed";
    public const string FirstInvoice = "first-invoice";
    public const string Delivered = "delivered";
    public const string Collected = "collected";
    public const string Completed = "completed";
    public const string Terminated = "terminated";
    public const string Issued = "issued";
    public const string Paid = "paid";
    public const string Credited = "credited";
    public const string Ordered = "ordered";
    public const string Received = "received";
    public const string Billed = "billed";
    public const string Offered = "offered";
    public const string Hired = "hired";
    public const string Onboarded = "onboarded";

    /// <summary>An opportunity's milestone for reaching a stage of the kanban (the funnel counts them).</summary>
    public static string Stage(string stage) => "stage:" + stage;
}
