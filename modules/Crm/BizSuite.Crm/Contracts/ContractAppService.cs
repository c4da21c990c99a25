using BizSuite.Crm.Customers;
using BizSuite.Crm.Data;
using BizSuite.Kernel;
using BizSuite.Oa;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Crm.Contracts;

/// <summary>Thin: load, let the contract decide, return the DTO. Approval is OA's: submitting starts the tenant's contract flow.</summary>
internal sealed class ContractAppService(CrmDbContext db, CustomerAppService customers, SettingStore settings, DocumentNumbers numbers,
    IApprovalService approvals, ICurrentUser currentUser, TimeProvider clock, ICustomFields customFields)
{
    /// <summary><paramref name="customField"/> and <paramref name="customValue"/> filter by one option of a custom select field.</summary>
    public async Task<PagedResult<ContractDto>> GetListAsync(PageRequest page, Guid? customerId, ContractStatus? status, string? customField, string? customValue,
        CancellationToken ct)
    {
        var query = db.Contracts.AsNoTracking();
        if (customField is not null && customValue is not null) query = query.WhereCustomValue(db, customField, customValue);
        if (customerId is not null) query = query.Where(c => c.CustomerId == customerId);
        if (status is not null) query = query.Where(c => c.Status == status);
        if (!string.IsNullOrWhiteSpace(page.Filter)) query = await query.WhereMatchesAsync(db, page.Filter, ct);
        var total = await query.CountLimitedAsync(ct);
        query = query.SortBy(page, ("createdAt", c => c.CreatedAt), ("number", c => c.Number), ("grossTotal", c => c.GrossTotal));
        if (page.SortField is null) query = query.OrderByDescending(c => c.CreatedAt);
        var items = await query.Skip(page.Skip).Take(page.Take).ToListAsync(ct);
        return new PagedResult<ContractDto>(items.Select(c => c.ToDto()).ToList(), total);
    }

    public async Task<ContractDto> GetAsync(Guid id, CancellationToken ct) => (await LoadAsync(id, ct)).ToDto();

    public async Task<ContractDto> CreateAsync(SaveContractRequest request, CancellationToken ct)
    {
        var customer = await customers.LoadAsync(request.CustomerId, ct);
        var currency = request.Currency ?? await settings.GetAsync(KernelSettings.Currency, ct);
        var contract = Contract.Draft(await NextNumberAsync(ct), request.Title, customer.Id, customer.Name, currency);
        contract.SetTerms(Lines(request), Plan(request));
        await customFields.SetAsync(CrmCustomFields.Contract, contract, request.CustomFields, isNew: true, ct);
        db.Contracts.Add(contract);
        return contract.ToDto();
    }

    public async Task<ContractDto> UpdateAsync(Guid id, SaveContractRequest request, CancellationToken ct)
    {
        var contract = await LoadAsync(id, ct);
        contract.SetTerms(Lines(request), Plan(request));
        await customFields.SetAsync(CrmCustomFields.Contract, contract, request.CustomFields, isNew: false, ct);
        return contract.ToDto();
    }

    /// <summary>
    /// Submits and asks OA in the same transaction; a flow without steps approves at once (the event arrives before commit),
    /// and a flow without an approver refuses the submission as a whole.
    /// </summary>
    public async Task<ContractDto> SubmitAsync(Guid id, CancellationToken ct)
    {
        var contract = await LoadAsync(id, ct);
        contract.Submit();
        contract.AwaitApproval(await approvals.RequestAsync(new ApprovalRequest(ApprovalDocumentTypes.Contract, contract.Id, contract.Number,
            contract.Title, currentUser.Id ?? Guid.Empty, contract.GrossTotal, contract.Currency, Link: $"/crm/contracts/{contract.Id}"), ct));
        return contract.ToDto();
    }

    public Task<ContractDto> SignAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, c => c.Sign(currentUser.Id ?? Guid.Empty, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)), ct);
    public Task<ContractDto> CompleteAsync(Guid id, CancellationToken ct) => ActAsync(id, c => c.Complete(), ct);
    public Task<ContractDto> TerminateAsync(Guid id, string reason, CancellationToken ct) => ActAsync(id, c => c.Terminate(reason), ct);

    private async Task<ContractDto> ActAsync(Guid id, Action<Contract> action, CancellationToken ct)
    {
        var contract = await LoadAsync(id, ct);
        action(contract);
        return contract.ToDto();
    }

    private async Task<Contract> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Contracts.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new EntityNotFoundException("Contract", id);

    private async Task<string> NextNumberAsync(CancellationToken ct) =>
        $"HT{clock.GetUtcNow().Year}{await numbers.NextAsync("contract", ct):D5}";

    private static IEnumerable<ContractLine> Lines(SaveContractRequest request) =>
        request.Lines.Select(l => ContractLine.Create(l.ProductId, l.Description, l.Quantity, l.UnitPrice, l.DiscountRate, l.VatRate)).ToList();

    private static IEnumerable<InstallmentTerms> Plan(SaveContractRequest request) =>
        (request.Installments ?? []).Select(i => new InstallmentTerms(i.Trigger, i.Percentage, i.Amount, i.DueDate));
}

/// <summary>Contracts take custom fields.</summary>
internal sealed class ContractCustomFields(CrmDbContext db) : CustomFieldEntity<Contract>(CrmCustomFields.Contract, CrmPermissions.Contracts, db.Contracts);

internal sealed class SaveContractRequestValidator : AbstractValidator<SaveContractRequest>
{
    public SaveContractRequestValidator()
    {
        RuleFor(r => r.Title).NotEmpty().MaximumLength(200);
        RuleFor(r => r.CustomerId).NotEmpty();
        RuleFor(r => r.Currency).Length(3).When(r => r.Currency is not null);
        RuleFor(r => r.Lines).NotEmpty();
        RuleForEach(r => r.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.Description).NotEmpty().MaximumLength(400);
            line.RuleFor(l => l.Quantity).GreaterThan(0);
            line.RuleFor(l => l.UnitPrice).GreaterThanOrEqualTo(0);
            line.RuleFor(l => l.DiscountRate).InclusiveBetween(0, 1);
        });
        RuleForEach(r => r.Installments).ChildRules(i =>
        {
            i.RuleFor(x => x.Percentage).InclusiveBetween(0.01m, 100m).When(x => x.Percentage is not null);
            i.RuleFor(x => x.Amount).GreaterThan(0).When(x => x.Amount is not null);
        });
    }
}

internal sealed class TerminateContractRequestValidator : AbstractValidator<TerminateContractRequest>
{
    public TerminateContractRequestValidator() => RuleFor(r => r.Reason).NotEmpty().MaximumLength(1000);
}
