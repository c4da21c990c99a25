using BizSuite.Finance.Data;
using BizSuite.Kernel;
using BizSuite.Saas;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Finance.Accounting;

/// <summary>Posts vouchers with gapless per-tenant numbers; lines with a zero amount (0 % VAT) are left out.</summary>
internal sealed class Ledger(FinanceDbContext db, DocumentNumbers numbers)
{
    public async Task PostAsync(DateOnly postedOn, string summary, VoucherSource sourceType, Guid sourceId, string sourceNumber,
        IEnumerable<VoucherLine> lines, CancellationToken ct)
    {
        var number = $"V{postedOn.Year}{await numbers.NextAsync("voucher", ct):D6}";
        db.Vouchers.Add(Voucher.Post(number, postedOn, summary, sourceType, sourceId, sourceNumber, lines.Where(l => l.Debit + l.Credit != 0).ToList()));
    }

    /// <summary>
    /// Posts unless the source already has its voucher: other modules' events (a goods receipt Inventory also takes in) may be
    /// delivered again, and the second delivery must book nothing rather than fail on the one-voucher-per-source index.
    /// </summary>
    public async Task PostOnceAsync(DateOnly postedOn, string summary, VoucherSource sourceType, Guid sourceId, string sourceNumber,
        IEnumerable<VoucherLine> lines, CancellationToken ct)
    {
        if (db.Vouchers.Local.Any(v => v.SourceType == sourceType && v.SourceId == sourceId)
            || await db.Vouchers.AnyAsync(v => v.SourceType == sourceType && v.SourceId == sourceId, ct)) return;
        await PostAsync(postedOn, summary, sourceType, sourceId, sourceNumber, lines, ct);
    }
}

/// <summary>Issuing an invoice recognises the receivable, the revenue and the output VAT (借应收 贷收入 贷销项税).</summary>
internal sealed class PostVoucherWhenInvoiceIssued(Ledger ledger) : IDomainEventHandler<InvoiceIssued>
{
    public Task HandleAsync(InvoiceIssued e, CancellationToken ct) => ledger.PostAsync(e.IssuedOn, e.CustomerName, VoucherSource.Invoice, e.InvoiceId,
        e.InvoiceNumber, [
            VoucherLine.Dr(ChartOfAccounts.Receivables, e.GrossTotal),
            VoucherLine.Cr(ChartOfAccounts.Revenue, e.NetTotal),
            VoucherLine.Cr(ChartOfAccounts.VatOutput, e.VatTotal),
        ], ct);
}

/// <summary>Money in the bank settles the receivable (借银行存款 贷应收).</summary>
internal sealed class PostVoucherWhenPaymentRecorded(Ledger ledger) : IDomainEventHandler<PaymentRecorded>
{
    public Task HandleAsync(PaymentRecorded e, CancellationToken ct) => ledger.PostAsync(e.ReceivedOn, e.InvoiceNumber, VoucherSource.Payment, e.PaymentId,
        e.PaymentNumber, [VoucherLine.Dr(ChartOfAccounts.Bank, e.Amount), VoucherLine.Cr(ChartOfAccounts.Receivables, e.Amount)], ct);
}

/// <summary>A credit note reverses the invoice's voucher (红字冲销).</summary>
internal sealed class PostVoucherWhenCreditNoteIssued(Ledger ledger) : IDomainEventHandler<CreditNoteIssued>
{
    public Task HandleAsync(CreditNoteIssued e, CancellationToken ct) => ledger.PostAsync(e.IssuedOn, e.InvoiceNumber, VoucherSource.CreditNote,
        e.CreditNoteId, e.CreditNoteNumber, [
            VoucherLine.Dr(ChartOfAccounts.Revenue, e.NetTotal),
            VoucherLine.Dr(ChartOfAccounts.VatOutput, e.VatTotal),
            VoucherLine.Cr(ChartOfAccounts.Receivables, e.GrossTotal),
        ], ct);
}

/// <summary>A new tenant starts with the standard chart of accounts, in the creating transaction.</summary>
internal sealed class SeedAccountsWhenTenantCreated(FinanceDbContext db, ICurrentTenant currentTenant) : IDomainEventHandler<TenantCreated>
{
    public async Task HandleAsync(TenantCreated e, CancellationToken ct)
    {
        using var _ = currentTenant.Change(e.TenantId, e.Name);
        if (await db.Accounts.AnyAsync(ct)) return;
        db.Accounts.AddRange(ChartOfAccounts.Standard());
    }
}
