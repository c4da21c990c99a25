using BizSuite.Kernel;
using BizSuite.Purchasing.Bills;
using BizSuite.Purchasing.Orders;
using BizSuite.Purchasing.Receipts;
using BizSuite.Purchasing.Requests;
using BizSuite.Purchasing.Suppliers;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Purchasing.Data;

internal sealed class PurchasingDbContext(DbContextOptions<PurchasingDbContext> options) : BizDbContext(options)
{
    public DbSet<Supplier> Suppliers => Set<Supplier>();
    public DbSet<PurchaseRequest> Requests => Set<PurchaseRequest>();
    public DbSet<PurchaseOrder> Orders => Set<PurchaseOrder>();
    public DbSet<GoodsReceipt> Receipts => Set<GoodsReceipt>();
    public DbSet<SupplierBill> Bills => Set<SupplierBill>();

    private static readonly IReadOnlyList<Searchable> SearchableRecords =
    [
        Searchable.For<Supplier>(PurchasingRecordTypes.Supplier, s => [s.Name, s.CreditCode, s.ContactName]),
    ];

    protected override IReadOnlyList<Searchable> Searchables => SearchableRecords;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Supplier>(b =>
        {
            b.ToTable("purchasing_suppliers");
            b.Property(s => s.Name).HasMaxLength(200);
            b.Property(s => s.CreditCode).HasMaxLength(18);
            b.Property(s => s.TaxId).HasMaxLength(32);
            b.Property(s => s.BankName).HasMaxLength(100);
            b.Property(s => s.BankAccount).HasMaxLength(100);
            b.Property(s => s.ContactName).HasMaxLength(100);
            b.Property(s => s.ContactPhone).HasMaxLength(32);
            b.Property(s => s.ContactEmail).HasMaxLength(256);
            b.Property(s => s.Currency).HasMaxLength(3);
            b.HasIndex(s => new { s.TenantId, s.CreditCode }).IsUnique();
            b.HasIndex(s => new { s.TenantId, s.Name });
            b.HasCustomFields("purchasing_supplier_field_values");
        });
        modelBuilder.Entity<PurchaseRequest>(b =>
        {
            b.ToTable("purchasing_requests");
            b.Property(r => r.Number).HasMaxLength(32);
            b.Property(r => r.RequesterName).HasMaxLength(100);
            b.Property(r => r.Reason).HasMaxLength(1000);
            b.Property(r => r.Currency).HasMaxLength(3);
            b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            b.Property(r => r.RejectionComment).HasMaxLength(1000);
            b.HasIndex(r => new { r.TenantId, r.Number }).IsUnique();
            b.HasIndex(r => new { r.TenantId, r.RequesterUserId });
            // Ids come from the domain: without ValueGeneratedNever EF takes a new line for an existing row.
            b.OwnsMany(r => r.Lines, l =>
            {
                l.ToTable("purchasing_request_lines");
                l.WithOwner().HasForeignKey("RequestId");
                l.HasKey(x => x.Id);
                l.Property(x => x.Id).ValueGeneratedNever();
                l.Property(x => x.Description).HasMaxLength(400);
                l.Property(x => x.Quantity).HasPrecision(18, 4);
                l.Property(x => x.VatRate).HasPrecision(5, 4);
            });
            b.Navigation(r => r.Lines).HasField("_lines");
        });
        modelBuilder.Entity<PurchaseOrder>(b =>
        {
            b.ToTable("purchasing_orders");
            b.Property(o => o.Number).HasMaxLength(32);
            b.Property(o => o.SupplierName).HasMaxLength(200);
            b.Property(o => o.RequestNumber).HasMaxLength(32);
            b.Property(o => o.Currency).HasMaxLength(3);
            b.Property(o => o.Status).HasConversion<string>().HasMaxLength(24);
            b.HasIndex(o => new { o.TenantId, o.Number }).IsUnique();
            b.HasIndex(o => new { o.TenantId, o.SupplierId });
            b.HasIndex(o => new { o.TenantId, o.RequestId });
            b.HasCustomFields("purchasing_order_field_values");
            b.OwnsMany(o => o.Lines, l =>
            {
                l.ToTable("purchasing_order_lines");
                l.WithOwner().HasForeignKey("OrderId");
                l.HasKey(x => x.Id);
                l.Property(x => x.Id).ValueGeneratedNever();
                l.Property(x => x.Description).HasMaxLength(400);
                l.Property(x => x.Quantity).HasPrecision(18, 4);
                l.Property(x => x.VatRate).HasPrecision(5, 4);
                l.Property(x => x.ReceivedQuantity).HasPrecision(18, 4);
                l.Property(x => x.RejectedQuantity).HasPrecision(18, 4);
                l.Property(x => x.BilledQuantity).HasPrecision(18, 4);
            });
            b.Navigation(o => o.Lines).HasField("_lines");
        });
        modelBuilder.Entity<GoodsReceipt>(b =>
        {
            b.ToTable("purchasing_receipts");
            b.Property(r => r.Number).HasMaxLength(32);
            b.Property(r => r.OrderNumber).HasMaxLength(32);
            b.Property(r => r.SupplierName).HasMaxLength(200);
            b.Property(r => r.WarehouseName).HasMaxLength(200);
            b.Property(r => r.Note).HasMaxLength(400);
            b.HasIndex(r => new { r.TenantId, r.Number }).IsUnique();
            b.HasIndex(r => new { r.TenantId, r.OrderId });
            b.OwnsMany(r => r.Lines, l =>
            {
                l.ToTable("purchasing_receipt_lines");
                l.WithOwner().HasForeignKey("ReceiptId");
                l.HasKey(x => x.Id);
                l.Property(x => x.Id).ValueGeneratedNever();
                l.Property(x => x.Description).HasMaxLength(400);
                l.Property(x => x.AcceptedQuantity).HasPrecision(18, 4);
                l.Property(x => x.RejectedQuantity).HasPrecision(18, 4);
                l.Property(x => x.RejectionReason).HasMaxLength(400);
            });
            b.Navigation(r => r.Lines).HasField("_lines");
        });
        modelBuilder.Entity<SupplierBill>(b =>
        {
            b.ToTable("purchasing_bills");
            b.Property(x => x.Number).HasMaxLength(32);
            b.Property(x => x.SupplierInvoiceNumber).HasMaxLength(64);
            b.Property(x => x.SupplierName).HasMaxLength(200);
            b.Property(x => x.OrderNumber).HasMaxLength(32);
            b.Property(x => x.Currency).HasMaxLength(3);
            b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            b.Property(x => x.OverrideReason).HasMaxLength(1000);
            b.HasIndex(x => new { x.TenantId, x.Number }).IsUnique();
            // A supplier's invoice number is booked once: the index wins a race the service's own check loses.
            b.HasIndex(x => new { x.TenantId, x.SupplierId, x.SupplierInvoiceNumber }).IsUnique();
            b.HasIndex(x => new { x.TenantId, x.OrderId });
            b.OwnsMany(x => x.Lines, l =>
            {
                l.ToTable("purchasing_bill_lines");
                l.WithOwner().HasForeignKey("BillId");
                l.HasKey(y => y.Id);
                l.Property(y => y.Id).ValueGeneratedNever();
                l.Property(y => y.Description).HasMaxLength(400);
                l.Property(y => y.Quantity).HasPrecision(18, 4);
                l.Property(y => y.VatRate).HasPrecision(5, 4);
            });
            b.Navigation(x => x.Lines).HasField("_lines");
        });
        modelBuilder.HasSearchTerms("purchasing_search_terms");
        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class PurchasingDbContextFactory : DesignTimeDbContextFactory<PurchasingDbContext>;
