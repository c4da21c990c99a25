using BizSuite.Kernel;
using BizSuite.Webhooks.Deliveries;
using BizSuite.Webhooks.Events;
using BizSuite.Webhooks.Subscriptions;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Webhooks.Data;

internal sealed class WebhooksDbContext(DbContextOptions<WebhooksDbContext> options) : BizDbContext(options)
{
    protected override IReadOnlyList<(Type Entity, string Region)> CachedEntities { get; } = [(typeof(Subscription), EnqueueWebhookDeliveries.CacheRegion)];

    public DbSet<Subscription> Subscriptions => Set<Subscription>();
    public DbSet<Delivery> Deliveries => Set<Delivery>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Subscription>(b =>
        {
            b.ToTable("webhooks_subscriptions");
            b.Property(s => s.Url).HasMaxLength(500);
            b.Property(s => s.Description).HasMaxLength(200);
            b.Property(s => s.EventTypes).HasMaxLength(2000);
            b.Property(s => s.EncryptedSecret).HasMaxLength(1000);
        });
        modelBuilder.Entity<Delivery>(b =>
        {
            b.ToTable("webhooks_deliveries");
            b.Property(d => d.EventType).HasMaxLength(100);
            b.Property(d => d.Payload).HasColumnType("longtext");
            b.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
            // Deleting a subscription takes its delivery log with it.
            b.HasOne<Subscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(d => new { d.TenantId, d.SubscriptionId, d.Status });
            b.OwnsMany(d => d.Attempts, a =>
            {
                a.ToTable("webhooks_delivery_attempts");
                a.WithOwner().HasForeignKey("DeliveryId");
                a.HasKey(x => x.Id);
                a.Property(x => x.Id).ValueGeneratedNever();
                a.Property(x => x.Error).HasMaxLength(500);
                a.Property(x => x.ResponseBody).HasMaxLength(DeliveryAttempt.ResponseExcerptLength);
            });
            b.Navigation(d => d.Attempts).HasField("_attempts");
        });
        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class WebhooksDbContextFactory : DesignTimeDbContextFactory<WebhooksDbContext>;
