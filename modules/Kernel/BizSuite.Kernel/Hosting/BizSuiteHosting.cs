using System.Reflection;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using MySqlConnector;
using StackExchange.Redis;

namespace BizSuite.Kernel;

/// <summary>Runs once on the host side at start, inside a unit of work, after every migration.</summary>
public interface IDataSeedContributor
{
    Task SeedAsync(CancellationToken cancellationToken);
}

public static class BizSuiteHosting
{
    /// <summary>Composes the kernel, the given modules and the plugins of the plugin folder.</summary>
    public static ModuleCatalog AddBizSuite(this WebApplicationBuilder builder, params Type[] modules)
    {
        var trace = new StartupTrace();
        trace.Mark("runtime and host builder");
        ProcessSetup.EnsureInstalled();
        var configuration = builder.Configuration;
        var services = builder.Services;
        services.AddSingleton(trace);
        var catalog = ModuleCatalog.Build(modules, Path.Combine(AppContext.BaseDirectory, configuration["Plugins:Path"] ?? "plugins"));
        services.AddSingleton(catalog);
        trace.Mark("module catalogue and plugins");

        // Pomelo requires these two options on connections it is handed (the unit of work's).
        var connection = new MySqlConnectionStringBuilder(configuration.GetConnectionString("Default")
            ?? throw new InvalidOperationException("ConnectionStrings:Default is not configured."))
        { AllowUserVariables = true, UseAffectedRows = false };
        // A server that does not answer (down, firewalled) fails a call with 503 after 5 s instead of MySqlConnector's 15.
        if (!connection.ContainsKey("Connect Timeout")) connection.ConnectionTimeout = 5;
        var connectionString = connection.ConnectionString;
        var readOnlyConnectionString = configuration.GetConnectionString("ReadOnly") is { Length: > 0 } readOnly
            ? new MySqlConnectionStringBuilder(readOnly) { AllowUserVariables = true, UseAffectedRows = false, ConnectionTimeout = connection.ConnectionTimeout }.ConnectionString
            : null;
        services.Configure<KernelOptions>(o =>
        {
            o.ConnectionString = connectionString;
            o.ReadOnlyConnectionString = readOnlyConnectionString;
            if (configuration.GetValue<int?>("Database:ReadYourWritesSeconds") is { } seconds) o.ReadYourWritesWindow = TimeSpan.FromSeconds(seconds);
            o.TenantBaseDomain = configuration["MultiTenancy:BaseDomain"];
            if (configuration["Database:ServerVersion"] is { Length: > 0 } version) o.ServerVersion = ServerVersion.Parse(version);
        });
        services.Configure<JobOptions>(configuration.GetSection("Jobs"));

        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddSingleton<ICurrentTenant, CurrentTenant>();
        services.AddSingleton<ICurrentUser, HttpCurrentUser>();
        services.AddScoped<UnitOfWork>();
        services.AddScoped<DomainEventDispatcher>();
        services.AddScoped<DataContextServices>();
        services.AddScoped<JobQueue>();
        services.AddSingleton<UnitOfWorkRunner>();
        services.AddScoped<DocumentNumbers>();
        services.AddSingleton<JobRegistry>();
        services.AddSingleton<JobWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<JobWorker>());
        AddSharedState(services, configuration, connectionString);
        services.AddMemoryCache();
        services.AddSingleton<TenantCache>();
        services.AddScoped<SettingStore>();
        services.AddScoped<IPermissionChecker, PermissionChecker>();
        services.AddScoped<IAuthorizationHandler, PermissionAuthorizationHandler>();
        services.AddAuthorization();
        // Modules add their policies (Saas: sign-up); a refused request answers 429 ProblemDetails.
        services.AddRateLimiter(o => o.RejectionStatusCode = StatusCodes.Status429TooManyRequests);

        var assemblies = catalog.Modules.Select(m => m.Assembly).Distinct().ToList();
        var localizer = new JsonStringLocalizer(assemblies);
        services.AddSingleton<IStringLocalizer>(localizer);
        services.AddSingleton(localizer);
        AddValidators(services, assemblies);

        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx => LocalizeStatusProblem(ctx.ProblemDetails, localizer));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        // Readiness names each dependency it checks (tag Ready); Redis, when configured, adds its own check with the same tag.
        services.AddHealthChecks().AddCheck("mariadb", new DatabaseHealthCheck(connectionString), tags: [HealthTags.Ready], timeout: TimeSpan.FromSeconds(10));
        if (readOnlyConnectionString is not null)
            services.AddHealthChecks().AddCheck("mariadb-readonly", new DatabaseHealthCheck(readOnlyConnectionString), tags: [HealthTags.Ready], timeout: TimeSpan.FromSeconds(10));
        services.AddSingleton<ReadYourWrites>();
        services.AddBizSuiteTelemetry(configuration, connectionString);
        services.AddDataProtection().SetApplicationName("BizSuite");
        services.Configure<KeyManagementOptions>(o => o.XmlRepository = new DatabaseXmlRepository(connectionString));

        var permissions = new PermissionDefinitionContext();
        var settings = new SettingDefinitionContext();
        var moduleServices = new ModuleServices(services, configuration);
        foreach (var module in catalog.Modules)
        {
            module.DefinePermissions(permissions);
            module.DefineSettings(settings);
            module.ConfigureServices(moduleServices);
        }
        AddScheduler(services, configuration, connectionString);
        services.AddSingleton(new PermissionDefinitions(permissions.Definitions));
        services.AddSingleton(new SettingDefinitions(settings.Definitions));
        trace.Mark("service registration");
        return catalog;
    }

    /// <summary>
    /// Redis, when configured, carries what several hosts share: cache invalidations (<see cref="TenantCache"/>), rate-limit
    /// counters (<see cref="SharedRateLimits"/>) and the SignalR backplane. Without it, each of those stays in this host.
    /// </summary>
    private static void AddSharedState(IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        var redis = SharedState.Connect(configuration["Redis:Configuration"]);
        var shared = new SharedState(redis, new MySqlConnectionStringBuilder(connectionString).Database);
        services.AddSingleton(shared);
        var signalR = services.AddSignalR().AddJsonProtocol(o =>
            o.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddScoped<IUserPush, UserPush>();
        if (redis is null) return;
        signalR.AddStackExchangeRedis(o =>
        {
            o.ConnectionFactory = _ => Task.FromResult(redis);
            o.Configuration.ChannelPrefix = RedisChannel.Literal(shared.Prefix);
        });
        // Degraded, not unhealthy: without Redis a host still serves correctly (it caches nothing), so the balancer keeps it.
        services.AddHealthChecks().AddCheck("redis", () => redis.IsConnected ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded("Redis is unreachable: this host caches nothing and counts rate limits alone until it is back"),
            tags: [HealthTags.Ready]);
    }

    /// <summary>Quartz with its tables in the suite's database, clustered so that a schedule fires on one instance only.</summary>
    private static void AddScheduler(IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        var options = configuration.GetSection("Scheduling").Get<SchedulingOptions>() ?? new SchedulingOptions();
        if (!options.Enabled) return;
        services.AddQuartz(q =>
        {
            q.UsePersistentStore(store =>
            {
                store.UseMySqlConnector(c => c.ConnectionString = connectionString);
                store.UseSystemTextJsonSerializer();
                store.UseClustering();
                store.ProvisionSchema();
            });
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddHostedService<ScheduleRegistration>();
    }

    /// <summary>Every validator of the modules; <see cref="ValidationFilter"/> runs them on endpoint arguments (field names: <see cref="FieldNames"/>).</summary>
    private static void AddValidators(IServiceCollection services, IEnumerable<Assembly> assemblies)
    {
        foreach (var type in assemblies.SelectMany(a => a.GetTypes()).Where(t => t is { IsClass: true, IsAbstract: false }))
        foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>)))
            services.AddScoped(contract, type);
    }

    private static void LocalizeStatusProblem(Microsoft.AspNetCore.Mvc.ProblemDetails problem, IStringLocalizer localizer)
    {
        if (problem.Extensions.ContainsKey("code")) return;
        var code = problem.Status switch
        {
            StatusCodes.Status401Unauthorized => "Kernel:Unauthorized",
            StatusCodes.Status403Forbidden => "Kernel:Forbidden",
            StatusCodes.Status404NotFound => "Kernel:NotFound",
            _ => null,
        };
        if (code is null) return;
        problem.Title = localizer[code];
        problem.Extensions["code"] = code;
    }

    public static void UseBizSuite(this WebApplication app)
    {
        var trace = app.Services.GetRequiredService<StartupTrace>();
        trace.Report(app);
        ReportSharedState(app);
        // Localization first, so error responses written by the handlers below are in the request's language.
        app.UseRequestLocalization(o =>
        {
            o.SetDefaultCulture(JsonStringLocalizer.Cultures[0])
             .AddSupportedCultures(JsonStringLocalizer.Cultures)
             .AddSupportedUICultures(JsonStringLocalizer.Cultures);
            o.ApplyCurrentCultureToResponseHeaders = true;
        });
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMetrics();
        // Explicit, so middleware the host adds before this (static files) runs before an endpoint is chosen.
        app.UseRouting();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseMiddleware<TenantResolutionMiddleware>();
        app.UseAuthorization();

        var api = app.MapGroup("/api").AddEndpointFilter<UnitOfWorkFilter>().AddEndpointFilter<ValidationFilter>();
        // Each module's endpoints say which module they belong to, so the tenant's plan can gate them by name.
        foreach (var module in app.Services.GetRequiredService<ModuleCatalog>().Modules)
            module.MapEndpoints(api.MapGroup("").BelongsToModule(module.Name));

        app.MapHub<UserHub>(UserHub.Path);
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(HealthTags.Ready), ResponseWriter = WriteHealthAsync });
        trace.Mark("pipeline and endpoints");
    }

    /// <summary>One line at start saying whether this host shares its state, so a second instance without Redis is noticed.</summary>
    private static void ReportSharedState(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("BizSuite.Startup");
        if (app.Services.GetRequiredService<SharedState>().Redis is { } redis)
            logger.LogInformation("Shared state on Redis {Endpoints}: caches, rate limits and live notifications span every host",
                string.Join(",", redis.GetEndPoints().Select(e => e.ToString())));
        else
            logger.LogWarning("Redis is not configured (Redis:Configuration): single host, caches, rate limits and live notifications in memory; do not run a second instance");
    }

    /// <summary>Readiness as JSON naming each dependency, so an operator (or a load balancer's log) sees which one failed.</summary>
    private static Task WriteHealthAsync(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), e.Value.Description }),
        });

    /// <summary>Creates the database if needed, applies every module's migrations, then seeds (one instance at a time).</summary>
    public static async Task InitializeBizSuiteAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var trace = services.GetRequiredService<StartupTrace>();
        trace.Mark("host build");
        var connectionString = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<KernelOptions>>().Value.ConnectionString;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("BizSuite.Startup");
        await KernelDatabase.EnsureDatabaseAsync(connectionString, cancellationToken);
        trace.Mark("database");

        await using (var lockConnection = new MySqlConnection(connectionString))
        {
            await lockConnection.OpenAsync(cancellationToken);
            // The client must wait as long as the server does: at the default 30-s command timeout the client interrupts
            // GET_LOCK, which then answers NULL, and a second host started beside the first migrated and seeded alongside it.
            await using var take = new MySqlCommand("SELECT GET_LOCK('bizsuite_migrations', 300)", lockConnection) { CommandTimeout = 330 };
            if (await take.ExecuteScalarAsync(cancellationToken) is not (long)1 and not (int)1)
                throw new InvalidOperationException("Another instance held the migration lock for 5 minutes; start this one again once it is up.");
            var registrations = services.GetServices<DbContextRegistration>().ToList();
            var applied = await AppliedMigrationsAsync(lockConnection, registrations, cancellationToken);
            trace.Mark("migration histories");
            // Only a context with a migration its history lacks is built: building each module's context just to learn
            // that nothing is pending took most of a restart.
            foreach (var registration in registrations.Where(r => r.Migrations.Any(m => !applied.Contains((r.HistoryTable, m)))))
            {
                await using var context = registration.CreateUnbound(services);
                var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
                if (pending.Count > 0)
                {
                    logger.LogInformation("Applying {Count} migrations of {Context}", pending.Count, registration.ContextType.Name);
                    await context.Database.MigrateAsync(cancellationToken);
                }
                trace.Mark($"migrations {registration.ContextType.Name}");
            }

            // Seeding too runs under the lock: hosts started side by side on an empty database would both insert the seed.
            var fingerprint = SeedFingerprint.Of(services);
            if (await SeedFingerprint.IsCurrentAsync(lockConnection, fingerprint, cancellationToken))
                trace.Mark("seeding and search backfill: done for this build");
            else
            {
                await services.GetRequiredService<UnitOfWorkRunner>().RunAsync(async (sp, ct) =>
                {
                    foreach (var contributor in sp.GetServices<IDataSeedContributor>()) await contributor.SeedAsync(ct);
                }, cancellationToken);
                trace.Mark("seeding");
                await SearchBackfill.RunAsync(services, logger, cancellationToken);
                await SeedFingerprint.SaveAsync(lockConnection, fingerprint, cancellationToken);
                trace.Mark("search backfill");
            }
            await using var release = new MySqlCommand("SELECT RELEASE_LOCK('bizsuite_migrations')", lockConnection);
            await release.ExecuteScalarAsync(cancellationToken);
        }
    }

    /// <summary>Every (history table, migration id) the database holds, in two round trips whatever the number of modules.</summary>
    private static async Task<HashSet<(string Table, string Id)>> AppliedMigrationsAsync(MySqlConnection connection,
        IReadOnlyList<DbContextRegistration> registrations, CancellationToken cancellationToken)
    {
        var existing = new List<string>();
        await using (var tables = new MySqlCommand(
            "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME LIKE '\\_\\_%\\_migrations'", connection))
        await using (var reader = await tables.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken)) existing.Add(reader.GetString(0));
        var wanted = registrations.Select(r => r.HistoryTable).Intersect(existing, StringComparer.OrdinalIgnoreCase).ToList();
        var applied = new HashSet<(string, string)>();
        if (wanted.Count == 0) return applied;
        // Table names are the kernel's own (HistoryTable<T>), never input.
        await using var select = new MySqlCommand(
            string.Join(" UNION ALL ", wanted.Select(t => $"SELECT '{t}', MigrationId FROM `{t}`")), connection);
        await using var rows = await select.ExecuteReaderAsync(cancellationToken);
        while (await rows.ReadAsync(cancellationToken)) applied.Add((rows.GetString(0), rows.GetString(1)));
        return applied;
    }
}

/// <summary>Endpoint metadata: a read (GET) that runs in a database transaction all the same.</summary>
public sealed record RunsInTransaction;

public static class TransactionEndpointExtensions
{
    /// <summary>
    /// Runs a GET endpoint in a transaction, as writes always run: for a read that changes something or must see one
    /// snapshot across its statements.
    /// </summary>
    public static TBuilder WithTransaction<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RunsInTransaction());
}

/// <summary>
/// One unit of work around every API endpoint: committed only when the endpoint succeeds. Writes run in its transaction;
/// reads (GET) share its connection without one, unless the endpoint asks (<see cref="TransactionEndpointExtensions.WithTransaction{TBuilder}"/>).
/// </summary>
internal sealed class UnitOfWorkFilter : IEndpointFilter
{
    public const string CorrelationHeader = "X-Correlation-Id";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var uow = http.RequestServices.GetRequiredService<UnitOfWork>();
        var incoming = http.Request.Headers[CorrelationHeader].ToString();
        if (incoming.Length is > 0 and <= 64) uow.CorrelationId = incoming;
        http.Response.Headers[CorrelationHeader] = uow.CorrelationId;

        var read = HttpMethods.IsGet(http.Request.Method) && http.GetEndpoint()?.Metadata.GetMetadata<RunsInTransaction>() is null;
        var userId = http.RequestServices.GetRequiredService<ICurrentUser>().Id;
        var readYourWrites = http.RequestServices.GetRequiredService<ReadYourWrites>();
        if (!read)
            await uow.BeginAsync(http.RequestAborted);
        else if (userId is { } reader && await readYourWrites.WroteRecentlyAsync(reader))
            await uow.OpenAsync(http.RequestAborted);
        else
            await uow.OpenReadOnlyAsync(http.RequestAborted);
        var result = await next(context);
        if (result is IStatusCodeHttpResult { StatusCode: >= 400 }) return result; // disposal rolls back
        await uow.CompleteAsync(http.RequestAborted);
        if (!read && userId is { } writer) await readYourWrites.MarkWriteAsync(writer);
        return result;
    }
}

public static class HealthTags
{
    /// <summary>Checks of the dependencies <c>/health/ready</c> reports by name: the host serves only while each is healthy.</summary>
    public const string Ready = "ready";
}

internal sealed class DatabaseHealthCheck(string connectionString) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = new MySqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new MySqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("Database unreachable", ex);
        }
    }
}
