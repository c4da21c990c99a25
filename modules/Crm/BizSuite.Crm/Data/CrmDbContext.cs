using BizSuite.Crm.Activities;
using BizSuite.Crm.Contacts;
using BizSuite.Crm.Contracts;
using BizSuite.Crm.Customers;
using BizSuite.Crm.Leads;
using BizSuite.Crm.Opportunities;
using BizSuite.Kernel;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Crm.Data;

internal sealed class CrmDbContext(DbContextOptions<CrmDbContext> options) : BizDbContext(options)
{
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Contract> Contracts => Set<Contract>();
    public DbSet<Lead> Leads => Set<Lead>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<Opportunity> Opportunities => Set<Opportunity>();
    public DbSet<Activity> Activities => Set<Activity>();

    /// <summary>Names for a page of rows that show their customer (contacts, opportunities).</summary>
    public async Task<Dictionary<Guid, string>> CustomerNamesAsync(IEnumerable<Guid> customerIds, CancellationToken ct)
    {
        var ids = customerIds.Distinct().ToList();
        return await Customers.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
    }

    private static readonly IReadOnlyList<Searchable> SearchableRecords =
    [
        Searchable.For<Customer>(CrmRecordTypes.Customer, c => [c.Name, c.CreditCode]),
        Searchable.For<Contact>(CrmRecordTypes.Contact, c => [c.Name, c.Phone, c.Email]),
        Searchable.For<Contract>(CrmRecordTypes.Contract, c => [c.Number, c.Title, c.CustomerName]),
    ];

    protected override IReadOnlyList<Searchable> Searchables => SearchableRecords;

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
            b.HasCustomFields("crm_customer_field_values");
        });
        modelBuilder.Entity<Contract>(b =>
        {
            b.ToTable("crm_contracts");
            b.Property(c => c.Number).HasMaxLength(32);
            b.Property(c => c.Title).HasMaxLength(200);
            b.Property(c => c.CustomerName).HasMaxLength(200);
            b.Property(c => c.Currency).HasMaxLength(3);
            b.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
            b.Property(c => c.CollectionStatus).HasConversion<string>().HasMaxLength(16);
            b.Property(c => c.RejectionComment).HasMaxLength(1000);
            b.Property(c => c.TerminationReason).HasMaxLength(1000);
            b.HasIndex(c => new { c.TenantId, c.Number }).IsUnique();
            b.HasIndex(c => new { c.TenantId, c.CustomerId });
            b.HasCustomFields("crm_contract_field_values");
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
        modelBuilder.Entity<Lead>(b =>
        {
            b.ToTable("crm_leads");
            b.Property(l => l.Name).HasMaxLength(200);
            b.Property(l => l.ContactPerson).HasMaxLength(100);
            b.Property(l => l.Phone).HasMaxLength(32);
            b.Property(l => l.Email).HasMaxLength(200);
            b.Property(l => l.Source).HasConversion<string>().HasMaxLength(16);
            b.Property(l => l.Status).HasConversion<string>().HasMaxLength(16);
            b.Property(l => l.Notes).HasMaxLength(2000);
            b.Property(l => l.DisqualificationReason).HasMaxLength(1000);
            b.HasIndex(l => new { l.TenantId, l.Status });
        });
        modelBuilder.Entity<Contact>(b =>
        {
            b.ToTable("crm_contacts");
            b.Property(c => c.Name).HasMaxLength(100);
            b.Property(c => c.Position).HasMaxLength(100);
            b.Property(c => c.Phone).HasMaxLength(32);
            b.Property(c => c.Email).HasMaxLength(200);
            b.HasIndex(c => new { c.TenantId, c.CustomerId });
        });
        modelBuilder.Entity<Opportunity>(b =>
        {
            b.ToTable("crm_opportunities");
            b.Property(o => o.Name).HasMaxLength(200);
            b.Property(o => o.Currency).HasMaxLength(3);
            b.Property(o => o.Stage).HasConversion<string>().HasMaxLength(16);
            b.Property(o => o.LostReason).HasMaxLength(1000);
            b.Ignore(o => o.IsClosed);
            b.HasIndex(o => new { o.TenantId, o.CustomerId });
            b.HasIndex(o => new { o.TenantId, o.Stage });
        });
        modelBuilder.Entity<Activity>(b =>
        {
            b.ToTable("crm_activities");
            b.Property(a => a.Type).HasConversion<string>().HasMaxLength(16);
            b.Property(a => a.Subject).HasMaxLength(200);
            b.Property(a => a.Notes).HasMaxLength(4000);
            b.Property(a => a.RegardingType).HasConversion<string>().HasMaxLength(16);
            b.HasIndex(a => new { a.TenantId, a.RegardingType, a.RegardingId });
        });
        modelBuilder.HasSearchTerms("crm_search_terms");
        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class CrmDbContextFactory : DesignTimeDbContextFactory<CrmDbContext>;

