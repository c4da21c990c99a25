using BizSuite.Kernel;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shouldly;

namespace BizSuite.Kernel.Tests;

public sealed class TenantCacheTests
{
    private static readonly Guid TenantA = Guid.NewGuid();
    private static readonly Guid TenantB = Guid.NewGuid();
    private readonly TenantCache _cache = new(new MemoryCache(new MemoryCacheOptions()), new SharedState(null, "kernel_tests"));
    private int _reads;

    private Task<string> ReadAsync(Guid? tenant) => _cache.GetOrCreateAsync("settings", tenant, "Name", () =>
    {
        _reads++;
        return Task.FromResult($"{tenant}:{_reads}");
    });

    /// <summary>A unit of work that never opens its connection: only its end matters here.</summary>
    private static UnitOfWork UnitOfWork()
    {
        var options = Options.Create(new KernelOptions { ConnectionString = "Server=127.0.0.1" });
        var services = new ServiceCollection()
            .AddPooledDbContextFactory<KernelDbContext>(o => o.UseMySql(options.Value.ConnectionString, KernelDatabase.ServerVersion))
            .BuildServiceProvider();
        return new(options, new CurrentTenant(), new HttpCurrentUser(new HttpContextAccessor()), TimeProvider.System,
            services.GetRequiredService<IDbContextFactory<KernelDbContext>>(), new DomainEventDispatcher(services));
    }

    [Fact]
    public async Task A_value_is_read_once_per_tenant_until_that_tenant_is_invalidated()
    {
        (await ReadAsync(TenantA)).ShouldBe($"{TenantA}:1");
        (await ReadAsync(TenantA)).ShouldBe($"{TenantA}:1");
        (await ReadAsync(TenantB)).ShouldBe($"{TenantB}:2");

        await using (var uow = UnitOfWork()) _cache.Invalidate("settings", TenantA, uow);

        (await ReadAsync(TenantA)).ShouldBe($"{TenantA}:3");
        (await ReadAsync(TenantB)).ShouldBe($"{TenantB}:2", "another tenant's entry stays");
    }

    [Fact]
    public async Task What_waits_for_the_commit_never_runs_after_a_rollback_while_what_waits_for_the_end_does()
    {
        var (committed, ended) = (false, false);
        await using (var uow = UnitOfWork())
        {
            uow.OnCommitted(() => { committed = true; return Task.CompletedTask; });
            uow.OnEnded(() => ended = true);
        } // disposed without completing: rolled back
        (committed, ended).ShouldBe((false, true));
    }

    [Fact]
    public async Task A_host_wide_change_drops_every_tenants_entries_of_the_region()
    {
        await ReadAsync(TenantA);
        await ReadAsync(TenantB);
        await using (var uow = UnitOfWork()) _cache.InvalidateRegion("settings", uow);
        await ReadAsync(TenantA);
        await ReadAsync(TenantB);
        _reads.ShouldBe(4);
    }

    [Fact]
    public async Task A_value_read_while_the_writer_is_still_in_its_unit_of_work_is_dropped_when_that_ends()
    {
        var uow = UnitOfWork();
        _cache.Invalidate("settings", TenantA, uow);
        await ReadAsync(TenantA); // may be the writer's own uncommitted value
        await ReadAsync(TenantA);
        _reads.ShouldBe(1);
        await uow.DisposeAsync(); // commit or rollback
        await ReadAsync(TenantA);
        _reads.ShouldBe(2);
    }

    [Fact]
    public async Task A_value_read_across_an_invalidation_is_not_cached()
    {
        var uow = UnitOfWork();
        var value = await _cache.GetOrCreateAsync("settings", TenantA, "Name", () =>
        {
            _cache.Invalidate("settings", TenantA, uow); // a writer commits while this read is under way
            return Task.FromResult("stale");
        });
        value.ShouldBe("stale");
        (await ReadAsync(TenantA)).ShouldBe($"{TenantA}:1", "the stale value was not kept");
        await uow.DisposeAsync();
    }
}
