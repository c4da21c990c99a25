using BizSuite.Kernel;
using BizSuite.Orders.Products;
using BizSuite.Orders.SalesOrders;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Orders.Data;

internal sealed class OrdersDbContext(DbContextOptions<OrdersDbContext> options) : BizDbContext(options)
{
    public DbSet<SalesOrder> SalesOrders => Set<SalesOrder>();
    public DbSet<Product> Products => Set<Product>();

    private static readonly IReadOnlyList<Searchable> SearchableRecords =
    [
        Searchable.For<SalesOrder>(OrdersRecordTypes.SalesOrder, o => [o.Number, o.ContractNumber, o.CustomerName]),
    ];

    protected override IReadOnlyList<Searchable> Searchables => SearchableRecords;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Product>(b =>
        {
            b.ToTable("orders_products");
            b.Property(p => p.Sku).HasMaxLength(Product.SkuMaxLength);
            b.Property(p => p.Name).HasMaxLength(200);
            b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(16);
            b.Property(p => p.Unit).HasMaxLength(16);
            b.Property(p => p.Currency).HasMaxLength(3);
            b.Property(p => p.DefaultVatRate).HasPrecision(5, 4);
            b.Property(p => p.Description).HasMaxLength(1000);
            b.HasIndex(p => new { p.TenantId, p.Sku }).IsUnique();
            b.HasCustomFields("orders_product_field_values");
        });
        modelBuilder.Entity<SalesOrder>(b =>
        {
            b.ToTable("orders_sales_orders");
            b.Property(o => o.Number).HasMaxLength(32);
            b.Property(o => o.ContractNumber).HasMaxLength(32);
            b.Property(o => o.CustomerName).HasMaxLength(200);
            b.Property(o => o.Currency).HasMaxLength(3);
            b.Property(o => o.Status).HasConversion<string>().HasMaxLength(24);
            b.Property(o => o.CollectionStatus).HasConversion<string>().HasMaxLength(16);
            b.HasIndex(o => new { o.TenantId, o.Number }).IsUnique();
            // One order per contract: a replayed ContractSigned can never create a second one.
            b.HasIndex(o => new { o.TenantId, o.ContractId }).IsUnique();
            // The customer's 360° view lists its orders.
            b.HasIndex(o => new { o.TenantId, o.CustomerId });
            b.HasCustomFields("orders_sales_order_field_values");
            // Ids are set by the domain: without ValueGeneratedNever EF takes a new child for an existing row.
            b.OwnsMany(o => o.Lines, l =>
            {
                l.ToTable("orders_sales_order_lines");
                l.WithOwner().HasForeignKey("SalesOrderId");
                l.HasKey(x => x.Id);
                l.Property(x => x.Id).ValueGeneratedNever();
                l.Property(x => x.Description).HasMaxLength(400);
                l.Property(x => x.Quantity).HasPrecision(18, 4);
                l.Property(x => x.DeliveredQuantity).HasPrecision(18, 4);
                l.Property(x => x.UnitPrice).HasPrecision(18, 4);
                l.Property(x => x.DiscountRate).HasPrecision(5, 4);
                l.Property(x => x.VatRate).HasPrecision(5, 4);
            });
            b.Navigation(o => o.Lines).HasField("_lines");
            b.OwnsMany(o => o.Deliveries, d =>
            {
                d.ToTable("orders_deliveries");
                d.WithOwner().HasForeignKey("SalesOrderId");
                d.HasKey(x => x.Id);
                d.Property(x => x.Id).ValueGeneratedNever();
                d.Property(x => x.Note).HasMaxLength(400);
                d.OwnsMany(x => x.Lines, dl =>
                {
                    dl.ToTable("orders_delivery_lines");
                    dl.WithOwner().HasForeignKey("DeliveryId");
                    dl.HasKey(x => x.Id);
                    dl.Property(x => x.Id).ValueGeneratedNever();
                    dl.Property(x => x.Quantity).HasPrecision(18, 4);
                });
                d.Navigation(x => x.Lines).HasField("_lines");
            });
            b.Navigation(o => o.Deliveries).HasField("_deliveries");
        });
        modelBuilder.HasSearchTerms("orders_search_terms");
        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class OrdersDbContextFactory : DesignTimeDbContextFactory<OrdersDbContext>;
