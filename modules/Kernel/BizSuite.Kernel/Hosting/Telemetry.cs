using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MySqlConnector;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace BizSuite.Kernel;

/// <summary>
/// The suite's own spans and metrics, beside ASP.NET Core's, HttpClient's and MySqlConnector's. Traces leave the process
/// only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (then metrics go there too); metrics can always be scraped from
/// <c>/metrics</c> in Prometheus' format with the bearer token <c>Telemetry:MetricsToken</c> (no token configured: no endpoint).
/// </summary>
public static class Telemetry
{
    public const string Name = "BizSuite";
    public const string TenantTag = "bizsuite.tenant_id";
    public const string CorrelationTag = "bizsuite.correlation_id";

    /// <summary>Spans of the job worker ("job X") and the event dispatcher ("event X").</summary>
    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Domain events dispatched, by event type: <c>ContractSigned</c>'s rate is the signings per minute.</summary>
    public static readonly Counter<long> EventsDispatched =
        Meter.CreateCounter<long>("bizsuite.events.dispatched", "{event}", "Domain events dispatched to their handlers, by event type");

    /// <summary>Background jobs run, by job name and outcome (succeeded, failed).</summary>
    public static readonly Counter<long> JobsRun =
        Meter.CreateCounter<long>("bizsuite.jobs.run", "{job}", "Background jobs run, by job name and outcome");

    public static readonly Histogram<double> JobDuration =
        Meter.CreateHistogram<double>("bizsuite.jobs.duration", "s", "How long a background job ran");

    /// <summary>Starts a span when somebody listens (an exporter is configured); null otherwise, at no cost.</summary>
    public static Activity? Start(string name, Guid? tenantId, string? correlationId)
    {
        var activity = Source.StartActivity(name);
        activity?.SetTag(TenantTag, tenantId?.ToString());
        activity?.SetTag(CorrelationTag, correlationId);
        return activity;
    }

    internal static void AddBizSuiteTelemetry(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var builder = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("bizsuite"))
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation()
                    .AddMeter(Name, "MySqlConnector");
                if (!string.IsNullOrEmpty(configuration["Telemetry:MetricsToken"])) m.AddPrometheusExporter();
            });
        // Spans cost time on every request: recorded only when they have somewhere to go.
        if (otlp)
        {
            builder.WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = c => !c.Request.Path.StartsWithSegments("/health") && !c.Request.Path.StartsWithSegments("/metrics"))
                .AddHttpClientInstrumentation()
                .AddSource(Name, "MySqlConnector"));
            builder.UseOtlpExporter();
        }
        services.AddSingleton(sp => new JobQueueGauges(sp.GetRequiredService<IMeterFactory>(), connectionString));
    }

    /// <summary>Serves <c>/metrics</c> behind its bearer token, when a token is configured.</summary>
    internal static void UseMetrics(this WebApplication app)
    {
        // The queue gauges exist from the first collection on, for a scrape and for the OTLP export alike.
        app.Services.GetRequiredService<JobQueueGauges>();
        var token = app.Configuration["Telemetry:MetricsToken"];
        if (string.IsNullOrEmpty(token)) return;
        var expected = Encoding.UTF8.GetBytes("Bearer " + token);
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/metrics"), branch => branch.Use(async (context, next) =>
        {
            var given = Encoding.UTF8.GetBytes(context.Request.Headers.Authorization.ToString());
            if (!CryptographicOperations.FixedTimeEquals(given, expected))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Bearer";
                return;
            }
            await next(context);
        }));
        app.UseOpenTelemetryPrometheusScrapingEndpoint("/metrics");
    }
}

/// <summary>
/// How many background jobs are due and how long the oldest has waited, read from the job table when metrics are
/// collected (a scrape, or the OTLP export interval), so every host reports the shared queue.
/// </summary>
internal sealed class JobQueueGauges
{
    public JobQueueGauges(IMeterFactory meters, string connectionString)
    {
        var meter = meters.Create(Telemetry.Name);
        meter.CreateObservableGauge("bizsuite.jobs.queue.length", () => Read(connectionString).Due, "{job}", "Background jobs due and not yet finished");
        meter.CreateObservableGauge("bizsuite.jobs.queue.age", () => Read(connectionString).AgeSeconds, "s", "How long the oldest due job has waited");
    }

    private readonly Lock gate = new();
    private (long Due, double AgeSeconds) last;
    private DateTime readAt;

    /// <summary>One query per collection, shared by both gauges; a database that cannot be read reports the last figures.</summary>
    private (long Due, double AgeSeconds) Read(string connectionString)
    {
        lock (gate)
        {
            if (DateTime.UtcNow - readAt < TimeSpan.FromSeconds(1)) return last;
            try
            {
                using var connection = new MySqlConnection(connectionString);
                connection.Open();
                using var command = new MySqlCommand(
                    "SELECT COUNT(*), TIMESTAMPDIFF(MICROSECOND, MIN(NextTryAt), UTC_TIMESTAMP(6)) FROM kernel_background_jobs WHERE Status IN (0, 1) AND NextTryAt <= UTC_TIMESTAMP(6)",
                    connection);
                using var reader = command.ExecuteReader();
                reader.Read();
                last = (reader.GetInt64(0), reader.IsDBNull(1) ? 0 : reader.GetInt64(1) / 1_000_000.0);
            }
            catch (MySqlException) { }
            readAt = DateTime.UtcNow;
            return last;
        }
    }
}
