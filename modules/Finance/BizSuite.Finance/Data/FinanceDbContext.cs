using BizSuite.Finance.Accounting;
using BizSuite.Finance.Invoices;
using BizSuite.Finance.OnlinePayments;
using BizSuite.Finance.Payables;
using BizSuite.Finance.Payments;
using BizSuite.Finance.Receivables;
using BizSuite.Kernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BizSuite.Finance.Data;

internal sealed class FinanceDbContext(DbContextOptions<FinanceDbContext> options) : BizDbContext(options)
{
    protected override IReadOnlyList<(Type Entity, string Region)> CachedEntities { get; } = [(typeof(StripeAccount), StripeGateway.ConnectedRegion)];

    public DbSet<Receivable> Receivables => Set<Receivable>();
    public DbSet<Invoice> Invoices => Set<Invoice>();
    public DbSet<CreditNote> CreditNotes => Set<CreditNote>();
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<Voucher> Vouchers => Set<Voucher>();
    public DbSet<Payable> Payables => Set<Payable>();
    public DbSet<PaymentRun> PaymentRuns => Set<PaymentRun>();
    public DbSet<StripeAccount> StripeAccounts => Set<StripeAccount>();
    public DbSet<StripeEventRecord> StripeEvents => Set<StripeEventRecord>();

    private static readonly IReadOnlyList<Searchable> SearchableRecords =
    [
        Searchable.For<Invoice>(FinanceRecordTypes.Invoice, i => [i.Number, i.ContractNumber, i.CustomerName]),
    ];

    protected override IReadOnlyList<Searchable> Searchables => SearchableRecords;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Child rows get their ids from the domain: without ValueGeneratedNever EF takes a new child for an existing row.
        static void Child<TOwner, TChild>(OwnedNavigationBuilder<TOwner, TChild> b, string table, string ownerKey) where TOwner : class where TChild : class
        {
            b.ToTable(table);
            b.WithOwner().HasForeignKey(ownerKey);
            b.HasKey("Id");
            b.Property("Id").ValueGeneratedNever();
        }

        modelBuilder.Entity<Receivable>(b =>
        {
            b.ToTable("finance_receivables");
            b.Property(r => r.ContractNumber).HasMaxLength(32);
            b.Property(r => r.CustomerName).HasMaxLength(200);
            b.Property(r => r.Currency).HasMaxLength(3);
            b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            b.HasIndex(r => new { r.TenantId, r.ContractId }).IsUnique();
            b.HasIndex(r => new { r.TenantId, r.CustomerId });
            b.OwnsMany(r => r.Lines, l =>
            {
                Child(l, "finance_receivable_lines", "ReceivableId");
                l.Property(x => x.Description).HasMaxLength(400);
                l.Property(x => x.Specification).HasMaxLength(40);
                l.Property(x => x.Unit).HasMaxLength(16);
                l.Property(x => x.Quantity).HasPrecision(18, 4);
                l.Property(x => x.VatRate).HasPrecision(5, 4);
            });
            b.Navigation(r => r.Lines).HasField("_lines");
            b.OwnsMany(r => r.Installments, i =>
            {
                Child(i, "finance_receivable_installments", "ReceivableId");
                i.Property(x => x.Trigger).HasConversion<string>().HasMaxLength(16);
            });
            b.Navigation(r => r.Installments).HasField("_installments");
        });
        modelBuilder.Entity<Invoice>(b =>
        {
            b.ToTable("finance_invoices");
            b.Property(i => i.Number).HasMaxLength(32);
            b.Property(i => i.ContractNumber).HasMaxLength(32);
            b.Property(i => i.CustomerName).HasMaxLength(200);
            b.Property(i => i.Currency).HasMaxLength(3);
            b.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
            b.Property(i => i.CheckoutSessionId).HasMaxLength(100);
            b.Property(i => i.CheckoutUrl).HasMaxLength(500);
            b.HasIndex(i => new { i.TenantId, i.Number }).IsUnique();
            // One invoice per installment: a replayed trigger can never invoice it twice.
            b.HasIndex(i => new { i.TenantId, i.ContractId, i.InstallmentNumber }).IsUnique();
            b.HasIndex(i => new { i.TenantId, i.CustomerId });
            // The status filter's page walks this index backwards by id (InnoDB appends the key) and stops after one page.
            b.HasIndex(i => new { i.TenantId, i.Status });
            b.HasIndex(i => new { i.TenantId, i.OrderId });
            b.HasCustomFields("finance_invoice_field_values");
            // The list's date sorts read a page from these instead of sorting the tenant's invoices.
            b.HasIndex(i => new { i.TenantId, i.IssuedOn });
            b.HasIndex(i => new { i.TenantId, i.DueOn });
            b.OwnsMany(i => i.Lines, l =>
            {
                Child(l, "finance_invoice_lines", "InvoiceId");
                l.Property(x => x.Description).HasMaxLength(400);
                l.Property(x => x.Specification).HasMaxLength(40);
                l.Property(x => x.Unit).HasMaxLength(16);
                l.Property(x => x.Quantity).HasPrecision(18, 4);
                l.Property(x => x.UnitPrice).HasPrecision(18, 4);
                l.Property(x => x.VatRate).HasPrecision(5, 4);
            });
            b.Navigation(i => i.Lines).HasField("_lines");
        });
        modelBuilder.Entity<CreditNote>(b =>
        {
            b.ToTable("finance_credit_notes");
            b.Property(c => c.Number).HasMaxLength(32);
            b.Property(c => c.InvoiceNumber).HasMaxLength(32);
            b.Property(c => c.Reason).HasMaxLength(400);
            b.HasIndex(c => new { c.TenantId, c.Number }).IsUnique();
            b.HasIndex(c => new { c.TenantId, c.InvoiceId }).IsUnique();
        });
        modelBuilder.Entity<Payment>(b =>
        {
            b.ToTable("finance_payments");
            b.Property(p => p.Number).HasMaxLength(32);
            b.Property(p => p.InvoiceNumber).HasMaxLength(32);
            b.Property(p => p.CustomerName).HasMaxLength(200);
            b.Property(p => p.Currency).HasMaxLength(3);
            b.Property(p => p.Method).HasConversion<string>().HasMaxLength(16);
            b.Property(p => p.Reference).HasMaxLength(100);
            b.Property(p => p.ExternalId).HasMaxLength(100);
            b.HasIndex(p => new { p.TenantId, p.Number }).IsUnique();
            b.HasIndex(p => new { p.TenantId, p.ExternalId }).IsUnique();
            b.HasIndex(p => new { p.TenantId, p.InvoiceId });
            b.HasIndex(p => new { p.TenantId, p.CustomerId });
        });
        modelBuilder.Entity<Account>(b =>
        {
            b.ToTable("finance_accounts");
            b.Property(a => a.Code).HasMaxLength(16);
            b.Property(a => a.Name).HasMaxLength(100);
            b.Property(a => a.NameEn).HasMaxLength(100);
            b.Property(a => a.Type).HasConversion<string>().HasMaxLength(16);
            b.HasIndex(a => new { a.TenantId, a.Code }).IsUnique();
        });
        modelBuilder.Entity<Voucher>(b =>
        {
            b.ToTable("finance_vouchers");
            b.Property(v => v.Number).HasMaxLength(32);
            b.Property(v => v.Summary).HasMaxLength(200);
            b.Property(v => v.SourceType).HasConversion<string>().HasMaxLength(16);
            b.Property(v => v.SourceNumber).HasMaxLength(32);
            b.HasIndex(v => new { v.TenantId, v.Number }).IsUnique();
            b.HasIndex(v => new { v.TenantId, v.SourceType, v.SourceId }).IsUnique();
            b.HasIndex(v => new { v.TenantId, v.PostedOn });
            b.OwnsMany(v => v.Lines, l =>
            {
                Child(l, "finance_voucher_lines", "VoucherId");
                l.Property(x => x.AccountCode).HasMaxLength(16);
            });
            b.Navigation(v => v.Lines).HasField("_lines");
        });
        modelBuilder.Entity<Payable>(b =>
        {
            b.ToTable("finance_payables");
            b.Property(p => p.Number).HasMaxLength(32);
            b.Property(p => p.PayeeName).HasMaxLength(200);
            b.Property(p => p.SourceType).HasMaxLength(32);
            b.Property(p => p.SourceNumber).HasMaxLength(32);
            b.Property(p => p.Currency).HasMaxLength(3);
            b.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
            b.Property(p => p.Reference).HasMaxLength(100);
            b.HasIndex(p => new { p.TenantId, p.Number }).IsUnique();
            b.HasIndex(p => new { p.TenantId, p.SourceType, p.SourceId }).IsUnique();
            b.HasIndex(p => new { p.TenantId, p.Status });
            // AP aging and the supplier statement read one supplier's payables; the list filters by due date.
            b.HasIndex(p => new { p.TenantId, p.PayeeId });
            b.HasIndex(p => new { p.TenantId, p.DueOn });
        });
        modelBuilder.Entity<PaymentRun>(b =>
        {
            b.ToTable("finance_payment_runs");
            b.Property(r => r.Number).HasMaxLength(32);
            b.Property(r => r.Reference).HasMaxLength(100);
            b.Property(r => r.Currency).HasMaxLength(3);
            b.HasIndex(r => new { r.TenantId, r.Number }).IsUnique();
            b.OwnsMany(r => r.Items, i =>
            {
                Child(i, "finance_payment_run_items", "PaymentRunId");
                i.Property(x => x.PayableNumber).HasMaxLength(32);
                i.Property(x => x.PayeeName).HasMaxLength(200);
                i.Property(x => x.SourceType).HasMaxLength(32);
                i.Property(x => x.SourceNumber).HasMaxLength(32);
                i.HasIndex(x => x.PayableId).IsUnique();
            });
            b.Navigation(r => r.Items).HasField("_items");
        });
        modelBuilder.Entity<StripeAccount>(b =>
        {
            b.ToTable("finance_stripe_accounts");
            b.Property(a => a.EncryptedSecretKey).HasMaxLength(1000);
            b.Property(a => a.EncryptedWebhookSecret).HasMaxLength(1000);
            b.Property(a => a.KeyHint).HasMaxLength(8);
            b.HasIndex(a => a.TenantId).IsUnique();
        });
        modelBuilder.Entity<StripeEventRecord>(b =>
        {
            b.ToTable("finance_stripe_events");
            b.Property(e => e.EventId).HasMaxLength(100);
            b.Property(e => e.Type).HasMaxLength(100);
            b.Property(e => e.Outcome).HasMaxLength(100);
            b.HasIndex(e => e.EventId).IsUnique();
        });
        modelBuilder.HasSearchTerms("finance_search_terms");
        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class FinanceDbContextFactory : DesignTimeDbContextFactory<FinanceDbContext>;
