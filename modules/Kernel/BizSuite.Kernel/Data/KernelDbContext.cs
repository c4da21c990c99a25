using Microsoft.EntityFrameworkCore;

namespace BizSuite.Kernel;

/// <summary>The kernel's own tables: event journal, background jobs, settings and the entity change log.</summary>
public sealed class KernelDbContext(DbContextOptions<KernelDbContext> options)
    : BizDbContext(options)
{
    public DbSet<EventJournalEntry> EventJournal => Set<EventJournalEntry>();
    public DbSet<EventJournalRecord> EventRecords => Set<EventJournalRecord>();
    public DbSet<BackgroundJobRecord> BackgroundJobs => Set<BackgroundJobRecord>();
    public DbSet<SettingRecord> Settings => Set<SettingRecord>();
    public DbSet<EntityChangeRecord> EntityChanges => Set<EntityChangeRecord>();
    public DbSet<DocumentCounter> Counters => Set<DocumentCounter>();
    public DbSet<DataProtectionKeyRecord> DataProtectionKeys => Set<DataProtectionKeyRecord>();
    public DbSet<CustomFieldDefinition> CustomFields => Set<CustomFieldDefinition>();
    public DbSet<SearchIndexState> SearchIndexes => Set<SearchIndexState>();
    public DbSet<SeedState> SeedStates => Set<SeedState>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<EventJournalEntry>(b =>
        {
            b.ToTable("kernel_event_journal");
            b.Property(e => e.Id).ValueGeneratedNever();
            b.Property(e => e.EventType).HasMaxLength(128);
            b.Property(e => e.AggregateType).HasMaxLength(128);
            b.Property(e => e.CorrelationId).HasMaxLength(64);
            b.Property(e => e.Payload).HasColumnType("longtext");
            b.HasIndex(e => new { e.TenantId, e.AggregateId });
            b.HasMany(e => e.Records).WithOne().HasForeignKey(r => r.EventId);
            b.HasIndex(e => e.CorrelationId);
            b.HasIndex(e => new { e.TenantId, e.EventType, e.OccurredAt });
        });
        modelBuilder.Entity<EventJournalRecord>(b =>
        {
            b.ToTable("kernel_event_records");
            b.HasKey(r => new { r.EventId, r.RecordId });
            // A record's timeline pages backwards through this index (keyset on time and event id).
            b.HasIndex(r => new { r.TenantId, r.RecordId, r.OccurredAt, r.EventId });
        });
        modelBuilder.Entity<BackgroundJobRecord>(b =>
        {
            b.ToTable("kernel_background_jobs");
            b.Property(e => e.Id).ValueGeneratedNever();
            b.Property(e => e.JobName).HasMaxLength(200);
            b.Property(e => e.Args).HasColumnType("longtext");
            b.Property(e => e.LockedBy).HasMaxLength(100);
            b.Property(e => e.LastError).HasMaxLength(4000);
            b.HasIndex(e => new { e.Status, e.NextTryAt });
        });
        modelBuilder.Entity<SettingRecord>(b =>
        {
            b.ToTable("kernel_settings");
            b.Property(e => e.Name).HasMaxLength(128);
            b.Property(e => e.Value).HasMaxLength(2000);
            b.HasIndex(e => new { e.TenantId, e.Name }).IsUnique();
        });
        modelBuilder.Entity<EntityChangeRecord>(b =>
        {
            b.ToTable("kernel_entity_changes");
            b.Property(e => e.EntityType).HasMaxLength(128);
            b.Property(e => e.EntityId).HasMaxLength(64);
            b.Property(e => e.ChangeType).HasMaxLength(16);
            b.Property(e => e.CorrelationId).HasMaxLength(64);
            b.Property(e => e.UserName).HasMaxLength(256);
            b.Property(e => e.ImpersonatorName).HasMaxLength(256);
            b.Property(e => e.Changes).HasColumnType("longtext");
            b.HasIndex(e => new { e.TenantId, e.EntityType, e.EntityId });
        });
        modelBuilder.Entity<DocumentCounter>(b =>
        {
            b.ToTable("kernel_counters");
            b.HasKey(c => new { c.TenantId, c.Kind });
            b.Property(c => c.Kind).HasMaxLength(32);
        });
        modelBuilder.Entity<DataProtectionKeyRecord>(b =>
        {
            b.ToTable("kernel_data_protection_keys");
            b.Property(k => k.FriendlyName).HasMaxLength(100);
            b.Property(k => k.Xml).HasColumnType("text");
        });
        modelBuilder.Entity<SearchIndexState>(b =>
        {
            b.ToTable("kernel_search_indexes");
            b.HasKey(s => s.RecordType);
            b.Property(s => s.RecordType).HasMaxLength(40);
        });
        modelBuilder.Entity<SeedState>(b =>
        {
            b.ToTable("kernel_seed_state");
            b.HasKey(s => s.Name);
            b.Property(s => s.Name).HasMaxLength(40);
            b.Property(s => s.Fingerprint).HasMaxLength(64);
        });
        modelBuilder.Entity<CustomFieldDefinition>(b =>
        {
            b.ToTable("kernel_custom_fields");
            b.Property(f => f.EntityType).HasMaxLength(64);
            b.Property(f => f.Key).HasMaxLength(40);
            b.Property(f => f.Type).HasConversion<string>().HasMaxLength(16);
            b.Property(f => f.LabelZh).HasMaxLength(FieldSpecValidator.MaxLabelLength);
            b.Property(f => f.LabelEn).HasMaxLength(FieldSpecValidator.MaxLabelLength);
            b.Property(f => f.DefaultValue).HasMaxLength(4000);
            b.Property(f => f.HelpZh).HasMaxLength(FieldSpecValidator.MaxHelpLength);
            b.Property(f => f.HelpEn).HasMaxLength(FieldSpecValidator.MaxHelpLength);
            b.Property(f => f.Options).HasColumnType("text");
            b.Property(f => f.Min).HasPrecision(18, 4);
            b.Property(f => f.Max).HasPrecision(18, 4);
            b.HasIndex(f => new { f.TenantId, f.EntityType, f.Key }).IsUnique();
        });
        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class KernelDbContextFactory : DesignTimeDbContextFactory<KernelDbContext>;

public sealed class SettingRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid? TenantId { get; set; }
    public string Name { get; set; } = "";
    public string Value { get; set; } = "";
}

public sealed class EntityChangeRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid? TenantId { get; set; }
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    public string ChangeType { get; set; } = "";
    public string Changes { get; set; } = "";
    public Guid? UserId { get; set; }
    public string? UserName { get; set; }
    /// <summary>The host admin who made the change acting as <see cref="UserName"/> (impersonation); null otherwise.</summary>
    public Guid? ImpersonatorId { get; set; }
    public string? ImpersonatorName { get; set; }
    public string CorrelationId { get; set; } = "";
    public DateTime ChangedAt { get; set; }
}
