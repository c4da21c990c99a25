using System.Text.Json;
using BizSuite.Automation.Rules;
using BizSuite.Automation.Runs;
using BizSuite.Kernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace BizSuite.Automation.Data;

internal sealed class AutomationDbContext(DbContextOptions<AutomationDbContext> options) : BizDbContext(options)
{
    protected override IReadOnlyList<(Type Entity, string Region)> CachedEntities { get; } = [(typeof(AutomationRule), AutomationRunner.CacheRegion)];

    public DbSet<AutomationRule> Rules => Set<AutomationRule>();
    public DbSet<RuleRun> Runs => Set<RuleRun>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AutomationRule>(b =>
        {
            b.ToTable("automation_rules");
            b.Property(r => r.Name).HasMaxLength(100);
            b.Property(r => r.EventType).HasMaxLength(100);
            b.Property(r => r.Match).HasConversion<string>().HasMaxLength(8);
            b.Property(r => r.BlockingMessage).HasMaxLength(500);
            b.Property(r => r.EncryptedSecret).HasMaxLength(1000);
            // Read and written whole with the rule, never queried by their parts.
            b.Property(r => r.Conditions).HasColumnType("longtext").HasConversion(Json<IReadOnlyList<RuleCondition>>(), JsonComparer<IReadOnlyList<RuleCondition>>());
            b.Property(r => r.Actions).HasColumnType("longtext").HasConversion(Json<IReadOnlyList<RuleAction>>(), JsonComparer<IReadOnlyList<RuleAction>>());
            b.HasIndex(r => new { r.TenantId, r.EventType });
        });
        modelBuilder.Entity<RuleRun>(b =>
        {
            b.ToTable("automation_runs");
            b.Property(r => r.RuleName).HasMaxLength(100);
            b.Property(r => r.EventType).HasMaxLength(100);
            b.Property(r => r.Result).HasConversion<string>().HasMaxLength(16);
            b.Property(r => r.Error).HasMaxLength(1000);
            // The log goes with its rule.
            b.HasOne<AutomationRule>().WithMany().HasForeignKey(r => r.RuleId).OnDelete(DeleteBehavior.Cascade);
            // The rate limit counts a tenant's runs of the last minute; the log lists a rule's runs, newest first.
            b.HasIndex(r => new { r.TenantId, r.StartedAt });
            b.HasIndex(r => new { r.TenantId, r.RuleId, r.StartedAt });
        });
        base.OnModelCreating(modelBuilder);
    }

    private static ValueConverter<T, string> Json<T>() where T : class => new(
        v => JsonSerializer.Serialize(v, JournalJson.Options),
        s => JsonSerializer.Deserialize<T>(s, JournalJson.Options)!);

    /// <summary>Equal when their JSON is: a change anywhere inside the lists is seen, and the snapshot is a deep copy.</summary>
    private static ValueComparer<T> JsonComparer<T>() where T : class => new(
        (a, b) => JsonSerializer.Serialize(a, JournalJson.Options) == JsonSerializer.Serialize(b, JournalJson.Options),
        v => JsonSerializer.Serialize(v, JournalJson.Options).GetHashCode(StringComparison.Ordinal),
        v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, JournalJson.Options), JournalJson.Options)!);
}

internal sealed class AutomationDbContextFactory : DesignTimeDbContextFactory<AutomationDbContext>;
