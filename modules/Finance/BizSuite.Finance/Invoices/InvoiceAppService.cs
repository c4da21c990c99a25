using BizSuite.Finance.Data;
using BizSuite.Finance.Receivables;
using BizSuite.Kernel;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Finance.Invoices;

/// <summary><paramref name="CustomField"/> and <paramref name="CustomValue"/> filter by one option of a custom select field.</summary>
internal sealed record InvoiceQuery(Guid? ContractId, Guid? OrderId, Guid? CustomerId, InvoiceStatus? Status, string? CustomField = null, string? CustomValue = null);

internal sealed class InvoiceAppService(FinanceDbContext db, DocumentNumbers numbers, ICurrentTenant currentTenant, TimeProvider clock, ICustomFields customFields)
{
    public async Task<PagedResult<InvoiceDto>> GetListAsync(PageRequest page, InvoiceQuery filter, CancellationToken ct)
    {
        var unfiltered = filter == new InvoiceQuery(null, null, null, null) && string.IsNullOrWhiteSpace(page.Filter);
        var query = db.Invoices.AsNoTracking();
        if (filter.ContractId is not null) query = query.Where(i => i.ContractId == filter.ContractId);
        if (filter.OrderId is not null) query = query.Where(i => i.OrderId == filter.OrderId);
        if (filter.CustomerId is not null) query = query.Where(i => i.CustomerId == filter.CustomerId);
        if (filter.Status is not null) query = query.Where(i => i.Status == filter.Status);
        if (filter is { CustomField: not null, CustomValue: not null })
            query = query.WhereCustomValue(db, filter.CustomField, filter.CustomValue);
        if (!string.IsNullOrWhiteSpace(page.Filter)) query = await query.WhereMatchesAsync(db, page.Filter, ct);
        var total = unfiltered ? await CountAllAsync(query, ct) : await query.CountLimitedAsync(ct);
        query = page.SortField is null
            ? query.OrderByDescending(i => i.Id)
            : query.SortBy(page, ("number", i => i.Number), ("issuedOn", i => i.IssuedOn), ("dueOn", i => i.DueOn), ("grossTotal", i => i.GrossTotal));
        var items = await query.Skip(page.Skip).Take(page.Take).ToListAsync(ct);
        return new PagedResult<InvoiceDto>(items.Select(x => x.ToDto()).ToList(), total);
    }

    /// <summary>
    /// The tenant's number of invoices without counting them: COUNT(*) reads the whole tenant index on every
    /// page (hundreds of ms at a million invoices) while the page itself takes a few. Invoices are never
    /// deleted (a credit note reverses them) and each one takes the next gapless number of the tenant's
    /// invoice counter in its own transaction (a rollback gives it back), so the counter is the exact count.
    /// Filtered lists count up to <see cref="PageRequest.CountLimit"/>. Host-side (no tenant filter) counts as before.
    /// </summary>
    private async Task<long> CountAllAsync(IQueryable<Invoice> query, CancellationToken ct) =>
        currentTenant is { Id: not null, IsFilterEnabled: true } ? await numbers.IssuedAsync(InstallmentInvoicer.InvoiceNumbers, ct) : await query.LongCountAsync(ct);

    public async Task<InvoiceDto> GetAsync(Guid id, CancellationToken ct) => (await LoadAsync(id, ct)).ToDto();

    /// <summary>An invoice is issued from its contract with no custom values (a required field must not stop invoicing); they are set here.</summary>
    public async Task<InvoiceDto> SetCustomFieldsAsync(Guid id, SaveCustomFieldValuesRequest request, CancellationToken ct)
    {
        var invoice = await LoadAsync(id, ct);
        await customFields.SetAsync(FinanceCustomFields.Invoice, invoice, request.CustomFields, isNew: false, ct);
        return invoice.ToDto();
    }

    public async Task<CreditNoteDto> CreditAsync(Guid id, CreditNoteRequest request, CancellationToken ct)
    {
        var invoice = await LoadAsync(id, ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var note = CreditNote.Reverse($"HC{today.Year}{await numbers.NextAsync("credit-note", ct):D6}", invoice, today, request.Reason);
        db.CreditNotes.Add(note);
        var receivable = await db.Receivables.SingleAsync(r => r.ContractId == invoice.ContractId, ct);
        receivable.Credit(invoice.Id, today);
        return note.ToDto();
    }

    public async Task<IReadOnlyList<CreditNoteDto>> GetCreditNotesAsync(Guid invoiceId, CancellationToken ct)
    {
        if (!await db.Invoices.AnyAsync(i => i.Id == invoiceId, ct)) throw new EntityNotFoundException("Invoice", invoiceId);
        return (await db.CreditNotes.AsNoTracking().Where(c => c.InvoiceId == invoiceId).ToListAsync(ct)).Select(x => x.ToDto()).ToList();
    }

    public async Task<Invoice> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Invoices.FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw new EntityNotFoundException("Invoice", id);
}

/// <summary>Invoices take custom fields; their events name them <c>invoiceId</c>.</summary>
internal sealed class InvoiceCustomFields(FinanceDbContext db) : CustomFieldEntity<Invoice>(FinanceCustomFields.Invoice, FinancePermissions.Invoices, db.Invoices);

internal sealed class CreditNoteRequestValidator : AbstractValidator<CreditNoteRequest>
{
    public CreditNoteRequestValidator() => RuleFor(r => r.Reason).NotEmpty().MaximumLength(400);
}
