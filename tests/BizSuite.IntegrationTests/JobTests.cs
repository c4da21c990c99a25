using System.Net;
using BizSuite.Kernel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shouldly;
using Xunit.Abstractions;

namespace BizSuite.IntegrationTests;

/// <summary>The job store: an outbox of the business transaction, safe with several workers, retried with backoff.</summary>
[Collection(ApiCollection.Name)]
public sealed class JobTests(BizSuiteFactory app, ITestOutputHelper output) : IAsyncLifetime
{
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        app.Clock.Offset = TimeSpan.Zero;
        var tenant = await app.CreateTenantAsync("j");
        _client = await app.LoginAsync(tenant, "admin", "Admin123!");
        await app.RunDueJobsAsync(); // leftovers of other tests must not be counted here
        // Nor their jobs waiting for a retry (a webhook or robot answering 500): these tests move the clock, which would make them due.
        await app.ScalarAsync("UPDATE kernel_background_jobs SET Status = 3 WHERE Status = 0; SELECT ROW_COUNT()");
    }

    public Task DisposeAsync()
    {
        app.Clock.Offset = TimeSpan.Zero;
        return Task.CompletedTask;
    }

    private JobWorker NewWorker() => ActivatorUtilities.CreateInstance<JobWorker>(app.Services);

    private JobWorker NewWorker(TimeSpan lease) =>
        ActivatorUtilities.CreateInstance<JobWorker>(app.Services, Options.Create(new JobOptions { Lease = lease }));

    private Task<long> StatusAsync(string correlation) =>
        app.ScalarAsync("SELECT Status FROM kernel_background_jobs WHERE CorrelationId = @c", ("@c", correlation));

    private Task<long> JobCountAsync(string correlation) =>
        app.ScalarAsync("SELECT COUNT(*) FROM kernel_background_jobs WHERE CorrelationId = @c", ("@c", correlation));

    private async Task<string> PostNoteAsync(string text, string correlation, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/plugins/probe/notes")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { text, enqueueJob = true }),
        };
        request.Headers.Add("X-Correlation-Id", correlation);
        var body = await (await _client.SendAsync(request)).JsonAsync(expected);
        return expected == HttpStatusCode.OK ? body.Str("id") : "";
    }

    [Fact]
    public async Task A_job_enqueued_in_a_rolled_back_transaction_never_exists_and_never_runs()
    {
        var correlation = Guid.NewGuid().ToString("N");
        await PostNoteAsync("fail after enqueue", correlation, HttpStatusCode.UnprocessableEntity);

        (await JobCountAsync(correlation)).ShouldBe(0);
        var runsBefore = await app.ScalarAsync("SELECT COUNT(*) FROM probe_job_runs");
        await app.RunDueJobsAsync();
        (await app.ScalarAsync("SELECT COUNT(*) FROM probe_job_runs")).ShouldBe(runsBefore);
    }

    [Fact]
    public async Task A_committed_job_runs_once_under_its_tenant_and_is_marked_succeeded()
    {
        var correlation = Guid.NewGuid().ToString("N");
        var noteId = await PostNoteAsync("with job", correlation);
        (await JobCountAsync(correlation)).ShouldBe(1);

        (await NewWorker().RunDueJobsAsync()).ShouldBe(1);
        (await NewWorker().RunDueJobsAsync()).ShouldBe(0);

        (await app.ScalarAsync("SELECT COUNT(*) FROM probe_job_runs WHERE NoteId = @n", ("@n", noteId))).ShouldBe(1);
        (await app.ScalarAsync("SELECT Status FROM kernel_background_jobs WHERE CorrelationId = @c", ("@c", correlation))).ShouldBe((long)BackgroundJobStatus.Succeeded);
    }

    [Fact]
    public async Task Two_workers_never_run_the_same_job_twice()
    {
        var correlation = Guid.NewGuid().ToString("N");
        const int jobs = 40;
        for (var i = 0; i < jobs; i++) await PostNoteAsync($"parallel {i}", correlation);

        var first = NewWorker();
        var second = NewWorker();
        var claimed = 0;
        while (true)
        {
            var counts = await Task.WhenAll(first.RunDueJobsAsync(), second.RunDueJobsAsync());
            if (counts.Sum() == 0) break;
            claimed += counts.Sum();
        }

        claimed.ShouldBe(jobs);
        (await app.ScalarAsync(
            "SELECT COUNT(*) FROM probe_job_runs r JOIN probe_notes n ON n.Id = r.NoteId WHERE n.Text LIKE 'parallel %'")).ShouldBe(jobs);
        (await app.ScalarAsync(
            "SELECT COUNT(*) FROM (SELECT NoteId FROM probe_job_runs GROUP BY NoteId HAVING COUNT(*) > 1) d")).ShouldBe(0);
        (await app.ScalarAsync("SELECT COUNT(*) FROM kernel_background_jobs WHERE CorrelationId = @c AND Status = 2", ("@c", correlation))).ShouldBe(jobs);
    }

    [Fact]
    public async Task A_failing_job_is_retried_with_exponential_backoff_and_then_parked_as_failed()
    {
        var options = app.Services.GetRequiredService<IOptions<JobOptions>>().Value;
        var correlation = Guid.NewGuid().ToString("N");
        await PostNoteAsync("job-fails", correlation);

        for (var attempt = 1; attempt <= options.MaxTries; attempt++)
        {
            (await NewWorker().RunDueJobsAsync()).ShouldBe(1, $"attempt {attempt} is due");
            (await app.ScalarAsync("SELECT TryCount FROM kernel_background_jobs WHERE CorrelationId = @c", ("@c", correlation))).ShouldBe(attempt);
            if (attempt == options.MaxTries) break;

            (await app.ScalarAsync("SELECT Status FROM kernel_background_jobs WHERE CorrelationId = @c", ("@c", correlation))).ShouldBe((long)BackgroundJobStatus.Pending);
            var wait = options.RetryDelay(attempt);
            wait.ShouldBe(options.FirstRetryDelay * Math.Pow(2, attempt - 1));
            // Not due before its backoff has passed...
            app.Clock.Offset += wait - TimeSpan.FromSeconds(2);
            (await NewWorker().RunDueJobsAsync()).ShouldBe(0, $"retry {attempt} waits {wait}");
            // ...and due after.
            app.Clock.Offset += TimeSpan.FromSeconds(3);
        }

        (await app.ScalarAsync("SELECT Status FROM kernel_background_jobs WHERE CorrelationId = @c", ("@c", correlation))).ShouldBe((long)BackgroundJobStatus.Failed);
        app.Clock.Offset += TimeSpan.FromDays(1);
        (await NewWorker().RunDueJobsAsync()).ShouldBe(0, "a failed job is parked, not retried");
    }

    [Fact]
    public async Task A_job_running_longer_than_its_lease_keeps_it_by_heartbeat_and_runs_once()
    {
        var lease = TimeSpan.FromSeconds(2);
        var correlation = Guid.NewGuid().ToString("N");
        var noteId = await PostNoteAsync("job-holds 5000 ms", correlation);

        var running = NewWorker(lease).RunDueJobsAsync();
        while (await StatusAsync(correlation) != (long)BackgroundJobStatus.Running) await Task.Delay(50);
        var other = NewWorker(lease);
        while (!running.IsCompleted)
        {
            await other.RunDueJobsAsync(); // may run jobs a schedule enqueued meanwhile, but must not take ours
            await Task.Delay(200);
        }

        (await running).ShouldBe(1);
        (await StatusAsync(correlation)).ShouldBe((long)BackgroundJobStatus.Succeeded);
        (await TriesAsync(correlation)).ShouldBe(1, "the running job's lease was renewed, so no other worker claimed it");
        (await app.ScalarAsync("SELECT COUNT(*) FROM probe_job_runs WHERE NoteId = @n", ("@n", noteId))).ShouldBe(1);
    }

    [Fact]
    public async Task The_job_of_a_worker_that_died_mid_job_runs_on_another_worker_once_the_lease_has_passed()
    {
        var lease = TimeSpan.FromSeconds(2);
        var correlation = Guid.NewGuid().ToString("N");
        var noteId = await PostNoteAsync("job-holds 1000 ms", correlation);

        // Stopping a worker mid-job without letting it record anything is what a killed host leaves behind: a claimed row,
        // no heartbeat any more.
        using var kill = new CancellationTokenSource();
        var dying = NewWorker(lease).RunDueJobsAsync(kill.Token);
        while (await StatusAsync(correlation) != (long)BackgroundJobStatus.Running) await Task.Delay(50);
        await kill.CancelAsync();
        (await Record.ExceptionAsync(() => dying)).ShouldBeAssignableTo<OperationCanceledException>();
        var died = System.Diagnostics.Stopwatch.StartNew();

        var survivor = NewWorker(lease);
        await survivor.RunDueJobsAsync();
        (await TriesAsync(correlation)).ShouldBe(1, "not taken over while the dead worker's lease runs");
        while (await TriesAsync(correlation) == 1)
        {
            died.Elapsed.ShouldBeLessThan(lease * 3, "the dead worker's job is taken over soon after its lease");
            await Task.Delay(100);
            await survivor.RunDueJobsAsync();
        }

        (await StatusAsync(correlation)).ShouldBe((long)BackgroundJobStatus.Succeeded);
        (await app.ScalarAsync("SELECT COUNT(*) FROM probe_job_runs WHERE NoteId = @n", ("@n", noteId))).ShouldBe(1);
        (await TriesAsync(correlation)).ShouldBe(2);
    }

    [Fact]
    public async Task The_job_of_a_host_killed_with_kill_9_mid_job_runs_on_a_live_worker_within_a_minute()
    {
        var correlation = Guid.NewGuid().ToString("N");
        var noteId = await PostNoteAsync("job-holds 5000 ms", correlation);

        // A real second host with the production lease (30 s) and heartbeat: it claims the job and is killed while running it.
        using var other = HostProcess.Start(app.ConnectionString, new Dictionary<string, string>
        {
            ["Scheduling__Enabled"] = "false", // its schedules would enqueue jobs of their own
            ["Jobs__PollInterval"] = "00:00:00.500",
        });
        var starting = System.Diagnostics.Stopwatch.StartNew();
        while (await StatusAsync(correlation) != (long)BackgroundJobStatus.Running)
        {
            other.HasExited.ShouldBeFalse(other.Tail());
            starting.Elapsed.ShouldBeLessThan(TimeSpan.FromMinutes(2), $"the second host never claimed the job:\n{other.Tail()}");
            await Task.Delay(100);
        }
        await Task.Delay(1000); // inside the job's 5 s
        other.KillHard();
        var killed = System.Diagnostics.Stopwatch.StartNew();

        var survivor = NewWorker(); // this process's worker, with the production options
        while (await StatusAsync(correlation) != (long)BackgroundJobStatus.Succeeded)
        {
            killed.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60), "a killed host's job runs on a live worker within a minute");
            await survivor.RunDueJobsAsync();
            await Task.Delay(500);
        }

        output.WriteLine($"Job of the host killed with kill -9 finished on the live worker {killed.Elapsed.TotalSeconds:F1} s after the kill " +
            $"(lease {app.Service<IOptions<JobOptions>>().Value.Lease.TotalSeconds:F0} s, the job itself takes 5 s)");
        (await TriesAsync(correlation)).ShouldBe(2, "claimed by the killed host, then by the survivor");
        (await app.ScalarAsync("SELECT COUNT(*) FROM probe_job_runs WHERE NoteId = @n", ("@n", noteId))).ShouldBe(1,
            "the killed host's run never committed; the survivor's did, once");
    }

    private Task<long> TriesAsync(string correlation) =>
        app.ScalarAsync("SELECT TryCount FROM kernel_background_jobs WHERE CorrelationId = @c", ("@c", correlation));
}
