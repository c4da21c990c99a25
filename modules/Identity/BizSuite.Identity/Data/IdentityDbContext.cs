using BizSuite.Identity.Account;
using BizSuite.Identity.Impersonations;
using BizSuite.Identity.ApiKeys;
using BizSuite.Identity.Roles;
using BizSuite.Identity.SecurityLog;
using BizSuite.Identity.Users;
using BizSuite.Kernel;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Identity.Data;

internal sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options)
    : BizDbContext(options)
{
    public DbSet<User> Users => Set<User>();
    public DbSet<UserRole> UserRoles => Set<UserRole>();
    public DbSet<Role> Roles => Set<Role>();
    public DbSet<RolePermission> RolePermissions => Set<RolePermission>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<SecurityEvent> SecurityEvents => Set<SecurityEvent>();
    public DbSet<Impersonation> Impersonations => Set<Impersonation>();

    protected override IReadOnlyList<(Type Entity, string Region)> CachedEntities { get; } =
    [
        (typeof(User), PermissionStore.CacheRegion), (typeof(UserRole), PermissionStore.CacheRegion),
        (typeof(Role), PermissionStore.CacheRegion), (typeof(RolePermission), PermissionStore.CacheRegion),
    ];

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<User>(b =>
        {
            b.ToTable("identity_users");
            b.Property(u => u.UserName).HasMaxLength(64);
            b.Property(u => u.NormalizedUserName).HasMaxLength(64);
            b.Property(u => u.Email).HasMaxLength(256);
            b.Property(u => u.NormalizedEmail).HasMaxLength(256);
            b.Property(u => u.Name).HasMaxLength(128);
            b.Property(u => u.PasswordHash).HasMaxLength(256);
            b.HasIndex(u => new { u.TenantId, u.NormalizedUserName }).IsUnique();
            b.HasIndex(u => new { u.TenantId, u.NormalizedEmail }).IsUnique();
            b.HasMany(u => u.Roles).WithOne().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
            b.Navigation(u => u.Roles).HasField("_roles").AutoInclude();
            b.Property(u => u.TwoFactorSecret).HasMaxLength(512);
            b.HasMany(u => u.RecoveryCodes).WithOne().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
            b.Navigation(u => u.RecoveryCodes).HasField("_recoveryCodes").AutoInclude();
        });
        modelBuilder.Entity<RecoveryCode>(b =>
        {
            b.ToTable("identity_user_recovery_codes");
            b.Property(c => c.CodeHash).HasMaxLength(64);
            b.HasKey(c => new { c.UserId, c.CodeHash });
        });
        modelBuilder.Entity<UserRole>(b =>
        {
            b.ToTable("identity_user_roles");
            b.HasKey(r => new { r.UserId, r.RoleId });
            b.HasOne<Role>().WithMany().HasForeignKey(r => r.RoleId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(r => r.RoleId);
        });
        modelBuilder.Entity<Role>(b =>
        {
            b.ToTable("identity_roles");
            b.Property(r => r.Name).HasMaxLength(64);
            b.Property(r => r.NormalizedName).HasMaxLength(64);
            b.HasIndex(r => new { r.TenantId, r.NormalizedName }).IsUnique();
            b.HasMany(r => r.Permissions).WithOne().HasForeignKey(p => p.RoleId).OnDelete(DeleteBehavior.Cascade);
            b.Navigation(r => r.Permissions).HasField("_permissions").AutoInclude();
        });
        modelBuilder.Entity<RolePermission>(b =>
        {
            b.ToTable("identity_role_permissions");
            b.Property(p => p.Name).HasMaxLength(128);
            b.HasKey(p => new { p.RoleId, p.Name });
        });
        modelBuilder.Entity<RefreshToken>(b =>
        {
            b.ToTable("identity_refresh_tokens");
            b.Property(t => t.TokenHash).HasMaxLength(64);
            b.HasIndex(t => t.TokenHash).IsUnique();
            b.HasIndex(t => t.FamilyId);
            b.HasIndex(t => new { t.UserId, t.RevokedAt });
            b.Property(t => t.UserAgent).HasMaxLength(256);
            b.Property(t => t.IpAddress).HasMaxLength(64);
            b.HasIndex(t => t.ImpersonationId);
        });
        modelBuilder.Entity<ApiKey>(b =>
        {
            b.ToTable("identity_api_keys");
            b.Property(k => k.Name).HasMaxLength(64);
            b.Property(k => k.Prefix).HasMaxLength(16);
            b.Property(k => k.KeyHash).HasMaxLength(64);
            b.Property(k => k.Permissions).HasMaxLength(4000);
            b.HasIndex(k => k.KeyHash).IsUnique();
            b.HasIndex(k => new { k.TenantId, k.CreatedAt });
        });
        modelBuilder.Entity<SecurityEvent>(b =>
        {
            b.ToTable("identity_security_events");
            b.Property(e => e.UserName).HasMaxLength(256);
            b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(32);
            b.Property(e => e.Detail).HasMaxLength(256);
            b.Property(e => e.IpAddress).HasMaxLength(64);
            b.Property(e => e.UserAgent).HasMaxLength(256);
            b.HasIndex(e => new { e.TenantId, e.At });
        });
        modelBuilder.Entity<Impersonation>(b =>
        {
            b.ToTable("identity_impersonations");
            b.Property(i => i.HostUserName).HasMaxLength(64);
            b.Property(i => i.UserName).HasMaxLength(64);
            b.Property(i => i.Reason).HasMaxLength(Impersonation.ReasonMaxLength);
            b.HasIndex(i => new { i.TenantId, i.StartedAt });
        });
        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class IdentityDbContextFactory : DesignTimeDbContextFactory<IdentityDbContext>;
