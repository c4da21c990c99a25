using BizSuite.Inventory.Stock;
using BizSuite.Inventory.Stocktakes;
using BizSuite.Inventory.Warehouses;
using BizSuite.Kernel;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Inventory.Data;

internal sealed class InventoryDbContext(DbContextOptions<InventoryDbContext> options) : BizDbContext(options)
{
    public DbSet<Warehouse> Warehouses => Set<Warehouse>();
    public DbSet<StockItem> StockItems => Set<StockItem>();
    public DbSet<StockBalance> Balances => Set<StockBalance>();
    public DbSet<StockDocument> Documents => Set<StockDocument>();
    public DbSet<StockMovement> Movements => Set<StockMovement>();
    public DbSet<Stocktake> Stocktakes => Set<Stocktake>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Warehouse>(b =>
        {
            b.ToTable("inventory_warehouses");
            b.Property(w => w.Code).HasMaxLength(Warehouse.CodeMaxLength);
            b.Property(w => w.Name).HasMaxLength(100);
            b.Property(w => w.Address).HasMaxLength(300);
            b.HasIndex(w => new { w.TenantId, w.Code }).IsUnique();
        });
        modelBuilder.Entity<StockItem>(b =>
        {
            b.ToTable("inventory_stock_items");
            b.Property(i => i.Sku).HasMaxLength(40);
            b.Property(i => i.Name).HasMaxLength(200);
            b.Property(i => i.Unit).HasMaxLength(16);
            b.Property(i => i.ReorderPoint).HasPrecision(18, 4);
            b.Property(i => i.ReorderQuantity).HasPrecision(18, 4);
            b.HasIndex(i => new { i.TenantId, i.ProductId }).IsUnique();
            // The stock overview's pages, in SKU order.
            b.HasIndex(i => new { i.TenantId, i.Sku });
            b.Ignore(i => i.Label);
        });
        modelBuilder.Entity<StockBalance>(b =>
        {
            b.ToTable("inventory_stock_balances");
            b.Property(x => x.OnHand).HasPrecision(18, 4);
            b.Property(x => x.AverageCost).HasPrecision(18, StockBalance.CostDecimals);
            // Also the row a movement locks (FOR UPDATE) before it reads the balance.
            b.HasIndex(x => new { x.TenantId, x.WarehouseId, x.ProductId }).IsUnique();
            b.HasIndex(x => new { x.TenantId, x.ProductId });
        });
        modelBuilder.Entity<StockDocument>(b =>
        {
            b.ToTable("inventory_stock_documents");
            b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(16);
            b.Property(d => d.SourceType).HasMaxLength(32);
            b.Property(d => d.SourceNumber).HasMaxLength(40);
            b.Property(d => d.Reason).HasMaxLength(400);
            b.HasIndex(d => new { d.TenantId, d.SourceType, d.SourceId }).IsUnique();
        });
        modelBuilder.Entity<StockMovement>(b =>
        {
            b.ToTable("inventory_movements");
            b.Property(m => m.Kind).HasConversion<string>().HasMaxLength(16);
            b.Property(m => m.Quantity).HasPrecision(18, 4);
            b.Property(m => m.UnitCost).HasPrecision(18, StockBalance.CostDecimals);
            b.Property(m => m.OnHandAfter).HasPrecision(18, 4);
            b.Property(m => m.AverageCostAfter).HasPrecision(18, StockBalance.CostDecimals);
            b.Property(m => m.SourceType).HasMaxLength(32);
            b.Property(m => m.SourceNumber).HasMaxLength(40);
            // The ledger is read newest first, per warehouse, per product or per source document (ids are time-ordered).
            b.HasIndex(m => new { m.TenantId, m.Id });
            b.HasIndex(m => new { m.TenantId, m.WarehouseId, m.Id });
            b.HasIndex(m => new { m.TenantId, m.ProductId, m.Id });
            b.HasIndex(m => new { m.TenantId, m.SourceId });
        });
        modelBuilder.Entity<Stocktake>(b =>
        {
            b.ToTable("inventory_stocktakes");
            b.Property(s => s.Number).HasMaxLength(32);
            b.Property(s => s.WarehouseName).HasMaxLength(100);
            b.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
            b.HasIndex(s => new { s.TenantId, s.Number }).IsUnique();
            b.OwnsMany(s => s.Lines, l =>
            {
                l.ToTable("inventory_stocktake_lines");
                l.WithOwner().HasForeignKey("StocktakeId");
                l.HasKey(x => x.Id);
                l.Property(x => x.Id).ValueGeneratedNever();
                l.Property(x => x.Sku).HasMaxLength(40);
                l.Property(x => x.ProductName).HasMaxLength(200);
                l.Property(x => x.Unit).HasMaxLength(16);
                l.Property(x => x.SystemQuantity).HasPrecision(18, 4);
                l.Property(x => x.CountedQuantity).HasPrecision(18, 4);
                l.Property(x => x.UnitCost).HasPrecision(18, StockBalance.CostDecimals);
                l.Ignore(x => x.Difference);
            });
            b.Navigation(s => s.Lines).HasField("_lines");
        });
        base.OnModelCreating(modelBuilder);
        // Every ledger index leads with TenantId; the kernel's TenantId-only one tempted MariaDB into intersecting it with the warehouse
        // index and sorting the result (seconds for one page of a warehouse at 1,000,000 movements), so the ledger goes without it.
        var movements = modelBuilder.Entity<StockMovement>().Metadata;
        movements.RemoveIndex(movements.FindIndex(movements.FindProperty(nameof(StockMovement.TenantId))!)!);
    }
}

internal sealed class InventoryDbContextFactory : DesignTimeDbContextFactory<InventoryDbContext>;
