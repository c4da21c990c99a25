using BizSuite.Crm.Contracts;
using BizSuite.Crm.Customers;
using BizSuite.Kernel;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Crm.Data;

internal sealed class CrmDbContext(DbContextOptions<CrmDbContext> options, DataContextServices? services) : BizDbContext(options, services)
{
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Contract> Contracts => Set<Contract>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Customer>(b =>
        {
            b.ToTable("crm_customers");
            b.Property(c => c.Name).HasMaxLength(200);
            b.Property(c => c.CreditCode).HasMaxLength(18);
            b.Property(c => c.TaxId).HasMaxLength(32);
            b.Property(c => c.BillingAddress).HasMaxLength(400);
            b.Property(c => c.BankAccount).HasMaxLength(200);
            b.HasIndex(c => new { c.TenantId, c.CreditCode }).IsUnique();
            b.HasIndex(c => new { c.TenantId, c.Name });
        });
        modelBuilder.Entity<Contract>(b =>
        {
            b.ToTable("crm_contracts");
            b.Property(c => c.Number).HasMaxLength(32);
            b.Property(c => c.Title).HasMaxLength(200);
            b.Property(c => c.CustomerName).HasMaxLength(200);
            b.Property(c => c.Currency).HasMaxLength(3);
            b.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
            b.Property(c => c.RejectionComment).HasMaxLength(1000);
            b.HasIndex(c => new { c.TenantId, c.Number }).IsUnique();
            b.HasIndex(c => new { c.TenantId, c.CustomerId });
            b.OwnsMany(c => c.Lines, l =>
            {
                l.ToTable("crm_contract_lines");
                l.WithOwner().HasForeignKey("ContractId");
                // Ids are set by the domain: without this EF takes a new line for an existing row.
                l.HasKey(x => x.Id);
                l.Property(x => x.Id).ValueGeneratedNever();
                l.Property(x => x.Description).HasMaxLength(400);
                l.Property(x => x.Quantity).HasPrecision(18, 4);
                l.Property(x => x.UnitPrice).HasPrecision(18, 4);
                l.Property(x => x.DiscountRate).HasPrecision(5, 4);
                l.Property(x => x.VatRate).HasPrecision(5, 4);
            });
            b.Navigation(c => c.Lines).HasField("_lines");
            b.OwnsMany(c => c.Installments, i =>
            {
                i.ToTable("crm_contract_installments");
                i.WithOwner().HasForeignKey("ContractId");
                i.HasKey(x => x.Id);
                i.Property(x => x.Id).ValueGeneratedNever();
                i.Property(x => x.Trigger).HasConversion<string>().HasMaxLength(16);
                i.Property(x => x.Percentage).HasPrecision(5, 2);
            });
            b.Navigation(c => c.Installments).HasField("_installments");
        });
        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class CrmDbContextFactory : DesignTimeDbContextFactory<CrmDbContext>;

