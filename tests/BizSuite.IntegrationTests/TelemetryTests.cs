using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using BizSuite.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;
using Shouldly;

namespace BizSuite.IntegrationTests;

/// <summary>
/// Traces and metrics as an operator collects them: OTLP to a collector (a local receiver of the protobuf posts) and a
/// Prometheus scrape of /metrics, from a host started with those settings on the tests' database.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class TelemetryTests(BizSuiteFactory app)
{
    private const string ProbeJob = "job BizSuite.TestPlugin.ProbeJobArgs";

    /// <summary>A note written through the probe plugin on <paramref name="host"/> (event NoteWritten, one job), and that job run by the host's worker.</summary>
    private async Task<string> WriteNoteAndRunItsJobAsync(WebApplicationFactory<Program> host)
    {
        var tenant = await app.CreateTenantAsync("ot");
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = (await app.LoginAsync(tenant, "admin", "Admin123!")).DefaultRequestHeaders.Authorization;
        await client.PostJsonAsync("/api/plugins/probe/notes", new { text = "telemetry", enqueueJob = true });
        var worker = ActivatorUtilities.CreateInstance<JobWorker>(host.Services);
        while (await worker.RunDueJobsAsync() > 0) { }
        await using var connection = new MySqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var id = new MySqlCommand("SELECT Id FROM saas_tenants WHERE Name = @n", connection);
        id.Parameters.AddWithValue("@n", tenant);
        return Convert.ToString(await id.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Traces_and_metrics_reach_the_OTLP_endpoint_with_spans_carrying_the_tenant_and_the_queue_gauges_without_a_scrape_token()
    {
        var posts = new ConcurrentQueue<(string Signal, byte[] Body)>();
        var (collector, url) = await LocalServer.StartAsync(a => a.MapPost("/v1/{signal}", async (HttpContext context, string signal) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            posts.Enqueue((signal, body.ToArray()));
        }));
        await using var _ = collector;
        await using var host = app.WithWebHostBuilder(b => b
            .UseSetting("OTEL_EXPORTER_OTLP_ENDPOINT", url)
            .UseSetting("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
            .UseSetting("OTEL_BSP_SCHEDULE_DELAY", "100")
            .UseSetting("OTEL_METRIC_EXPORT_INTERVAL", "200"));

        var tenantId = await WriteNoteAndRunItsJobAsync(host);

        // Protobuf keeps strings as UTF-8 bytes: the span names, tag values and instrumentation scopes can be found in the posts.
        string[] wanted = ["POST /api/plugins/probe/notes", "event NoteWritten", ProbeJob, "MySqlConnector", Telemetry.TenantTag, tenantId];
        var deadline = DateTime.UtcNow.AddSeconds(20);
        string Traces() => string.Join("\n", posts.Where(p => p.Signal == "traces").Select(p => Encoding.UTF8.GetString(p.Body)));
        while (DateTime.UtcNow < deadline && !wanted.All(Traces().Contains)) await Task.Delay(100);
        wanted.Where(w => !Traces().Contains(w)).ShouldBeEmpty();

        // No Telemetry:MetricsToken here: an OTLP-only host still exports the suite's counters and the job queue's gauges.
        string[] metrics = ["bizsuite.events.dispatched", "bizsuite.jobs.run", "bizsuite.jobs.queue.length", "bizsuite.jobs.queue.age"];
        string Metrics() => string.Join("\n", posts.Where(p => p.Signal == "metrics").Select(p => Encoding.UTF8.GetString(p.Body)));
        while (DateTime.UtcNow < deadline.AddSeconds(10) && !metrics.All(Metrics().Contains)) await Task.Delay(100);
        metrics.Where(m => !Metrics().Contains(m)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Metrics_are_scraped_with_the_token_only_and_count_events_jobs_and_the_queue()
    {
        await using var host = app.WithWebHostBuilder(b => b.UseSetting("Telemetry:MetricsToken", "scrape-secret"));
        var scraper = host.CreateClient();
        (await scraper.GetAsync("/metrics")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        scraper.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-secret");
        (await scraper.GetAsync("/metrics")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        await WriteNoteAndRunItsJobAsync(host);

        scraper.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "scrape-secret");
        var scrape = await scraper.GetAsync("/metrics");
        scrape.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await scrape.Content.ReadAsStringAsync();
        text.ShouldContain("bizsuite_events_dispatched_total{");
        text.ShouldContain("event=\"NoteWritten\"");
        text.ShouldContain("bizsuite_jobs_run_total{");
        text.ShouldContain("job=\"BizSuite.TestPlugin.ProbeJobArgs\"");
        text.ShouldContain("bizsuite_jobs_duration_seconds_bucket{");
        text.ShouldContain("bizsuite_jobs_queue_length ");
        text.ShouldContain("http_server_request_duration_seconds_bucket{");
    }
}
