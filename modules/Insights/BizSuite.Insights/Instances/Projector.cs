using BizSuite.Crm;
using BizSuite.Finance;
using BizSuite.Kernel;
using BizSuite.Oa;
using BizSuite.Orders;
using BizSuite.Purchasing;
using BizSuite.Hr;
using M = BizSuite.Insights.Instances.Milestones;
using T = BizSuite.Insights.Instances.DocumentTypes;

namespace BizSuite.Insights.Instances;

/// <summary>
/// The one place that says which event moves which instance to which milestone. The event handlers call it in the business
/// transaction with the event's journal time; a rebuild calls it with each journal entry in order, so both write the same rows.
/// Workflow milestones take the time the event happened; money milestones take the business date the event carries (an
/// invoice's issue date, a payment's receipt date), which is what DSO and aging mean to finance staff.
/// </summary>
internal sealed class Projector(IInstanceStore store)
{
    /// <summary>The events projected; a rebuild reads only these from the journal.</summary>
    public static readonly IReadOnlyList<Type> Events =
    [
        typeof(LeadCreated), typeof(LeadQualified), typeof(LeadDisqualified), typeof(OpportunityOpened), typeof(OpportunityStageChanged),
        typeof(ContractSubmitted), typeof(ContractSigned), typeof(ContractCompleted), typeof(ContractTerminated),
        typeof(SalesOrderCreated), typeof(DeliveryRecorded),
        typeof(InvoiceIssued), typeof(PaymentRecorded), typeof(CreditNoteIssued), typeof(CollectionStatusChanged), typeof(PayablePaid),
        typeof(ApprovalStepAssigned), typeof(ApprovalCompleted), typeof(ApprovalRejected), typeof(ApprovalWithdrawn),
        typeof(ExpenseClaimApproved),
        typeof(PurchaseRequestApproved), typeof(PurchaseOrderCreated), typeof(GoodsReceived), typeof(SupplierBillPosted),
    ];

    public Task ApplyAsync(IDomainEvent domainEvent, DateTime at, CancellationToken ct) => domainEvent switch
    {
        LeadCreated e => On(T.Lead, e.LeadId, ct, i => { i.Title = e.Name; i.Reach(M.Created, at); }),
        LeadQualified e => LeadQualifiedAsync(e, at, ct),
        LeadDisqualified e => On(T.Lead, e.LeadId, ct, i => i.Reach(M.Disqualified, at)),
        OpportunityOpened e => On(T.Opportunity, e.OpportunityId, ct, i =>
        {
            (i.Title, i.Amount, i.Currency) = (e.Name, e.Amount, e.Currency);
            i.Reach(M.Opened, at);
            i.Reach(M.Stage(nameof(OpportunityStage.Prospecting)), at);
        }),
        OpportunityStageChanged e => On(T.Opportunity, e.OpportunityId, ct, i =>
        {
            (i.Amount, i.Currency) = (e.Amount, e.Currency);
            i.Reach(M.Stage(e.To.ToString()), at);
            if (e.To == OpportunityStage.Won) i.Reach(M.Won, at);
            if (e.To == OpportunityStage.Lost) i.Reach(M.Lost, at);
        }),
        ContractSubmitted e => On(T.Contract, e.ContractId, ct, i =>
        {
            (i.Number, i.Amount) = (e.ContractNumber, e.GrossTotal);
            // Submitted again after a rejection: the approval time runs from the submission that was approved.
            if (i.Reached(M.Approved) is null) i.ReachAgain(M.Submitted, at);
        }),
        ContractSigned e => On(T.Contract, e.ContractId, ct, i =>
        {
            (i.Number, i.Title, i.Amount, i.Currency) = (e.ContractNumber, e.CustomerName, e.GrossTotal, e.Currency);
            i.Reach(M.Signed, at);
        }),
        ContractCompleted e => On(T.Contract, e.ContractId, ct, i => i.Reach(M.Completed, at)),
        ContractTerminated e => On(T.Contract, e.ContractId, ct, i => i.Reach(M.Terminated, at)),
        SalesOrderCreated e => On(T.SalesOrder, e.OrderId, ct, i =>
        {
            (i.Number, i.Title, i.ParentId, i.Amount, i.Currency) = (e.OrderNumber, e.CustomerName, e.ContractId, e.GrossTotal, e.Currency);
            i.Reach(M.Created, at);
        }),
        DeliveryRecorded e => DeliveryRecordedAsync(e, at, ct),
        InvoiceIssued e => InvoiceIssuedAsync(e, at, ct),
        PaymentRecorded e => On(T.Invoice, e.InvoiceId, ct, i =>
        {
            i.Settled += e.Amount;
            if (e.InvoicePaid) i.Reach(M.Paid, Day(e.ReceivedOn));
        }),
        CreditNoteIssued e => On(T.Invoice, e.InvoiceId, ct, i => i.Reach(M.Credited, Day(e.IssuedOn))),
        CollectionStatusChanged { Status: CollectionStatus.Paid } e => On(T.Contract, e.ContractId, ct, i => i.Reach(M.Collected, at)),
        CollectionStatusChanged => Task.CompletedTask,
        PayablePaid e => PayablePaidAsync(e, at, ct),
        ApprovalStepAssigned e => StepAssignedAsync(e, at, ct),
        ApprovalCompleted e => ApprovalDecidedAsync(e.ApprovalId, e.DocumentType, e.DocumentId, M.Approved, at, ct),
        ApprovalRejected e => ApprovalDecidedAsync(e.ApprovalId, e.DocumentType, e.DocumentId, M.Rejected, at, ct),
        ApprovalWithdrawn e => ApprovalDecidedAsync(e.ApprovalId, e.DocumentType, e.DocumentId, M.Withdrawn, at, ct),
        ExpenseClaimApproved e => On(T.ExpenseClaim, e.ClaimId, ct, i =>
        {
            (i.Number, i.Title, i.Amount, i.Currency) = (e.ClaimNumber, e.EmployeeName, e.Total, e.Currency);
            i.Reach(M.Approved, at);
        }),
        PurchaseRequestApproved e => On(T.PurchaseRequest, e.RequestId, ct, i =>
        {
            i.Number = e.RequestNumber;
            i.Reach(M.Approved, at);
        }),
        PurchaseOrderCreated e => PurchaseOrderCreatedAsync(e, at, ct),
        GoodsReceived e => AlongPurchaseAsync(e.OrderId, M.Received, at, ct),
        SupplierBillPosted e => SupplierBillPostedAsync(e, at, ct),
        _ => Task.CompletedTask,
    };

    private static DateTime Day(DateOnly date) => date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    private async Task<ProcessInstance> GetAsync(string documentType, Guid documentId, CancellationToken ct) =>
        await store.FindAsync(documentType, documentId, ct) ?? store.Add(documentType, documentId);

    private async Task On(string documentType, Guid documentId, CancellationToken ct, Action<ProcessInstance> change) =>
        change(await GetAsync(documentType, documentId, ct));

    private async Task LeadQualifiedAsync(LeadQualified e, DateTime at, CancellationToken ct)
    {
        (await GetAsync(T.Lead, e.LeadId, ct)).Reach(M.Qualified, at);
        var opportunity = await GetAsync(T.Opportunity, e.OpportunityId, ct);
        opportunity.ParentId = e.LeadId;
        opportunity.Reach(M.Opened, at);
    }

    private async Task DeliveryRecordedAsync(DeliveryRecorded e, DateTime at, CancellationToken ct)
    {
        if (!e.OrderFullyDelivered) return;
        (await GetAsync(T.SalesOrder, e.OrderId, ct)).Reach(M.Delivered, at);
        (await GetAsync(T.Contract, e.ContractId, ct)).Reach(M.Delivered, at);
    }

    private async Task InvoiceIssuedAsync(InvoiceIssued e, DateTime at, CancellationToken ct)
    {
        var invoice = await GetAsync(T.Invoice, e.InvoiceId, ct);
        (invoice.Number, invoice.Title, invoice.ParentId, invoice.Amount, invoice.Currency, invoice.DueOn) =
            (e.InvoiceNumber, e.CustomerName, e.ContractId, e.GrossTotal, e.Currency, e.DueOn);
        invoice.Reach(M.Issued, Day(e.IssuedOn));
        (await GetAsync(T.Contract, e.ContractId, ct)).Reach(M.FirstInvoice, at);
    }

    private async Task PayablePaidAsync(PayablePaid e, DateTime at, CancellationToken ct)
    {
        if (e.SourceType == PayableSources.ExpenseClaim)
            (await GetAsync(T.ExpenseClaim, e.SourceId, ct)).Reach(M.Paid, at);
        else if (e.SourceType == PayableSources.SupplierBill)
        {
            var bill = await GetAsync(T.SupplierBill, e.SourceId, ct);
            bill.Reach(M.Paid, Day(e.PaidOn));
            if (bill.ParentId is { } orderId) await AlongPurchaseAsync(orderId, M.Paid, at, ct);
        }
    }

    /// <summary>An approval, its open step, and the document it decides (expense claims and purchase requests count from their submission).</summary>
    private async Task StepAssignedAsync(ApprovalStepAssigned e, DateTime at, CancellationToken ct)
    {
        var approval = await GetAsync(T.Approval, e.ApprovalId, ct);
        (approval.Number, approval.Title, approval.Category, approval.ParentId) = (e.DocumentNumber, e.Title, e.DocumentType, e.DocumentId);
        approval.Reach(M.Submitted, at);
        (await store.OpenStepAsync(e.ApprovalId, ct))?.End(M.Approved, at);
        store.AddStep(new ApprovalStepInstance(store.TenantId, e.ApprovalId, e.DocumentType, e.DocumentId, e.StepNumber, e.ApproverUserIds, at));
        await DocumentSubmittedAsync(e.DocumentType, e.DocumentId, e.DocumentNumber, e.Title, at, ct);
    }

    private async Task ApprovalDecidedAsync(Guid approvalId, string documentType, Guid documentId, string outcome, DateTime at, CancellationToken ct)
    {
        var approval = await GetAsync(T.Approval, approvalId, ct);
        (approval.Category, approval.ParentId) = (documentType, documentId);
        // No step applied: the request was approved the moment it was made.
        approval.Reach(M.Submitted, at);
        approval.Reach(outcome, at);
        if (outcome != M.Withdrawn) approval.Reach(M.Decided, at);
        (await store.OpenStepAsync(approvalId, ct))?.End(outcome, at);
        if (outcome != M.Approved) return;
        await DocumentSubmittedAsync(documentType, documentId, null, null, at, ct);
        var document = documentType switch
        {
            ApprovalDocumentTypes.Contract => T.Contract,
            ApprovalDocumentTypes.ExpenseClaim => T.ExpenseClaim,
            ApprovalDocumentTypes.PurchaseRequest => T.PurchaseRequest,
            _ => null,
        };
        if (document is not null) (await GetAsync(document, documentId, ct)).Reach(M.Approved, at);
    }

    /// <summary>Claims and requests have no submission event of their own: their approval's start is it.</summary>
    private async Task DocumentSubmittedAsync(string documentType, Guid documentId, string? number, string? title, DateTime at, CancellationToken ct)
    {
        var document = documentType switch
        {
            ApprovalDocumentTypes.ExpenseClaim => T.ExpenseClaim,
            ApprovalDocumentTypes.PurchaseRequest => T.PurchaseRequest,
            _ => null,
        };
        if (document is null) return;
        var instance = await GetAsync(document, documentId, ct);
        if (number is not null) (instance.Number, instance.Title) = (number, title ?? "");
        if (instance.Reached(M.Approved) is null && (number is not null || instance.Reached(M.Submitted) is null)) instance.ReachAgain(M.Submitted, at);
    }

    private async Task PurchaseOrderCreatedAsync(PurchaseOrderCreated e, DateTime at, CancellationToken ct)
    {
        var order = await GetAsync(T.PurchaseOrder, e.OrderId, ct);
        (order.Number, order.Title, order.ParentId, order.Amount, order.Currency) = (e.OrderNumber, e.SupplierName, e.RequestId, e.GrossTotal, e.Currency);
        order.Reach(M.Created, at);
        if (e.RequestId is { } requestId) (await GetAsync(T.PurchaseRequest, requestId, ct)).Reach(M.Ordered, at);
    }

    private async Task SupplierBillPostedAsync(SupplierBillPosted e, DateTime at, CancellationToken ct)
    {
        var bill = await GetAsync(T.SupplierBill, e.BillId, ct);
        (bill.Number, bill.Title, bill.ParentId, bill.Amount, bill.Currency, bill.DueOn) = (e.BillNumber, e.SupplierName, e.OrderId, e.GrossTotal, e.Currency, e.DueOn);
        bill.Reach(M.Billed, Day(e.BillDate));
        await AlongPurchaseAsync(e.OrderId, M.Billed, at, ct);
    }

    /// <summary>A purchase order's milestone is also its request's (the first of the request's orders to reach it).</summary>
    private async Task AlongPurchaseAsync(Guid orderId, string milestone, DateTime at, CancellationToken ct)
    {
        var order = await GetAsync(T.PurchaseOrder, orderId, ct);
        order.Reach(milestone, at);
        if (order.ParentId is { } requestId) (await GetAsync(T.PurchaseRequest, requestId, ct)).Reach(milestone, at);
    }
}
