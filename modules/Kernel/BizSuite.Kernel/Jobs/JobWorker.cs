using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MySqlConnector;

namespace BizSuite.Kernel;

public sealed class JobOptions
{
    public bool WorkerEnabled { get; set; } = true;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
    public int BatchSize { get; set; } = 10;
    public int MaxTries { get; set; } = 5;
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);
    /// <summary>
    /// A claimed job whose lease runs out becomes claimable again. The worker renews the leases of its claimed jobs every
    /// third of it while it lives (a heartbeat), so a job may run longer than the lease, and the jobs of a host that died
    /// run elsewhere once the lease has passed: short, so that is seconds, not minutes.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// While polling fails (the database is down) the worker waits twice as long after each failed poll, up to this, so
    /// it neither spins nor floods the log, and resumes within this much time once the database is back.
    /// </summary>
    public TimeSpan MaxPollBackoff { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Exponential backoff: first delay, doubled per failed try, capped.</summary>
    public TimeSpan RetryDelay(int failedTries)
    {
        var factor = Math.Pow(2, Math.Max(0, failedTries - 1));
        var delay = FirstRetryDelay.TotalSeconds * factor;
        return TimeSpan.FromSeconds(Math.Min(delay, MaxRetryDelay.TotalSeconds));
    }
}

/// <summary>
/// Claims due jobs with <c>FOR UPDATE SKIP LOCKED</c> (safe with many host instances on one database)
/// and runs each in a fresh scope and unit of work under the job's tenant. The job's row is marked
/// succeeded in the job's own transaction, so its database effects and its completion commit together.
/// </summary>
public sealed class JobWorker(IServiceScopeFactory scopes, IOptions<KernelOptions> kernelOptions, IOptions<JobOptions> jobOptions,
    JobRegistry registry, TimeProvider clock, ILogger<JobWorker> logger) : BackgroundService
{
    private readonly string _workerId = $"{Truncate(Environment.MachineName, 60)}:{Guid.NewGuid():N}";
    private JobOptions Options => jobOptions.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Options.WorkerEnabled) return;
        // The host waits for this method's synchronous start, and the first poll builds the kernel's EF model synchronously:
        // let the host listen first.
        await Task.Yield();
        var failures = 0; // polls failed in a row
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var claimed = await RunDueJobsAsync(stoppingToken);
                if (failures > 0) logger.LogInformation("Background job polling works again after {Failures} failed polls", failures);
                failures = 0;
                if (claimed > 0) continue; // drain without waiting
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Once per streak, not per poll: a database outage of an hour would otherwise log a thousand stack traces.
                if (failures++ == 0)
                    logger.LogError(ex, DatabaseOutage.IsUnreachable(ex)
                        ? "Background job polling failed: the database is unreachable; polling backs off until it is back"
                        : "Background job polling failed; polling backs off until it works again");
                else logger.LogDebug("Background job polling failed again ({Failures} in a row): {Error}", failures, ex.Message);
            }
            try { await Task.Delay(PollDelay(failures), clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>The poll interval, doubled per failed poll in a row up to <see cref="JobOptions.MaxPollBackoff"/>.</summary>
    private TimeSpan PollDelay(int failures) =>
        failures == 0 ? Options.PollInterval
            : TimeSpan.FromTicks(Math.Min(Options.PollInterval.Ticks * (1L << Math.Min(failures, 16)), Options.MaxPollBackoff.Ticks));

    /// <summary>Claims and runs one batch of due jobs, renewing their leases meanwhile; returns how many were claimed.</summary>
    public async Task<int> RunDueJobsAsync(CancellationToken cancellationToken = default)
    {
        var claimed = await ClaimAsync(cancellationToken);
        if (claimed.Count == 0) return 0;
        using var running = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var heartbeat = RenewLeasesAsync(running.Token);
        try
        {
            foreach (var job in claimed) await RunAsync(job, cancellationToken);
        }
        finally
        {
            await running.CancelAsync();
            await heartbeat;
        }
        return claimed.Count;
    }

    /// <summary>Every third of the lease, extends the lease of every job this worker still holds, until cancelled.</summary>
    private async Task RenewLeasesAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await Task.Delay(Options.Lease / 3, clock, cancellationToken);
                await using var connection = new MySqlConnection(kernelOptions.Value.ConnectionString);
                await connection.OpenAsync(cancellationToken);
                await using var renew = new MySqlCommand(
                    "UPDATE kernel_background_jobs SET LockedUntil = @until WHERE LockedBy = @worker AND Status = 1", connection);
                renew.Parameters.AddWithValue("@until", clock.GetUtcNow().UtcDateTime + Options.Lease);
                renew.Parameters.AddWithValue("@worker", _workerId);
                await renew.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A missed beat only shortens the lease; the next one may get through (the database may be back).
                logger.LogWarning(ex, "Renewing the leases of worker {Worker} failed", _workerId);
            }
        }
    }

    private async Task<List<BackgroundJobRecord>> ClaimAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var connection = new MySqlConnection(kernelOptions.Value.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        // READ COMMITTED: no gap locks, so concurrent claimers skip each other's rows instead of deadlocking.
        await using var tx = await connection.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellationToken);

        var jobs = new List<BackgroundJobRecord>();
        await using (var select = new MySqlCommand(
            """
            SELECT Id, TenantId, JobName, Args, TryCount, CorrelationId FROM kernel_background_jobs
            WHERE (Status = 0 AND NextTryAt <= @now) OR (Status = 1 AND LockedUntil < @now)
            ORDER BY NextTryAt LIMIT @batch FOR UPDATE SKIP LOCKED
            """, connection, tx))
        {
            select.Parameters.AddWithValue("@now", now);
            select.Parameters.AddWithValue("@batch", Options.BatchSize);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                jobs.Add(new BackgroundJobRecord
                {
                    Id = reader.GetGuid(0),
                    TenantId = reader.IsDBNull(1) ? null : reader.GetGuid(1),
                    JobName = reader.GetString(2),
                    Args = reader.GetString(3),
                    TryCount = reader.GetInt32(4) + 1,
                    CorrelationId = reader.GetString(5),
                });
        }
        if (jobs.Count > 0)
        {
            await using var claim = new MySqlCommand(
                $"UPDATE kernel_background_jobs SET Status = 1, TryCount = TryCount + 1, LockedBy = @worker, LockedUntil = @until WHERE Id IN ({string.Join(",", jobs.Select((_, i) => "@id" + i))})",
                connection, tx);
            claim.Parameters.AddWithValue("@worker", _workerId);
            claim.Parameters.AddWithValue("@until", now + Options.Lease);
            for (var i = 0; i < jobs.Count; i++) claim.Parameters.AddWithValue("@id" + i, jobs[i].Id);
            await claim.ExecuteNonQueryAsync(cancellationToken);
        }
        await tx.CommitAsync(cancellationToken);
        return jobs;
    }

    private async Task RunAsync(BackgroundJobRecord job, CancellationToken cancellationToken)
    {
        using var activity = Telemetry.Start("job " + job.JobName, job.TenantId, job.CorrelationId);
        var started = Stopwatch.GetTimestamp();
        var outcome = "succeeded";
        try
        {
            var registration = registry.Find(job.JobName)
                ?? throw new InvalidOperationException($"No job is registered as '{job.JobName}'.");
            var args = JsonSerializer.Deserialize(job.Args, registration.ArgsType, JobRegistry.ArgsJson)!;

            await using var scope = scopes.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            using var tenant = sp.GetRequiredService<ICurrentTenant>().Change(job.TenantId);
            var uow = sp.GetRequiredService<UnitOfWork>();
            uow.CorrelationId = job.CorrelationId;
            await uow.BeginAsync(cancellationToken);
            await registration.Run(sp, args, cancellationToken);

            var done = await sp.GetRequiredService<KernelDbContext>().Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE kernel_background_jobs SET Status = 2, CompletedAt = {clock.GetUtcNow().UtcDateTime}, LockedBy = NULL, LastError = NULL WHERE Id = {job.Id} AND LockedBy = {_workerId}",
                cancellationToken);
            if (done == 0) throw new InvalidOperationException("The job's lease expired and another worker took it over.");
            await uow.CompleteAsync(cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            outcome = "failed";
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            logger.LogWarning(ex, "Background job {JobId} ({JobName}) failed on try {Try}", job.Id, job.JobName, job.TryCount);
            await RecordFailureAsync(job, ex, cancellationToken);
        }
        finally
        {
            KeyValuePair<string, object?>[] tags = [new("job", job.JobName), new("outcome", outcome)];
            Telemetry.JobsRun.Add(1, tags);
            Telemetry.JobDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        }
    }

    private async Task RecordFailureAsync(BackgroundJobRecord job, Exception error, CancellationToken cancellationToken)
    {
        var failed = job.TryCount >= Options.MaxTries;
        await using var connection = new MySqlConnection(kernelOptions.Value.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var update = new MySqlCommand(
            """
            UPDATE kernel_background_jobs
            SET Status = @status, NextTryAt = @next, LastError = @error, LockedBy = NULL, LockedUntil = NULL
            WHERE Id = @id AND LockedBy = @worker
            """, connection);
        update.Parameters.AddWithValue("@status", failed ? (int)BackgroundJobStatus.Failed : (int)BackgroundJobStatus.Pending);
        update.Parameters.AddWithValue("@next", clock.GetUtcNow().UtcDateTime + Options.RetryDelay(job.TryCount));
        update.Parameters.AddWithValue("@error", Truncate(error.ToString(), 4000));
        update.Parameters.AddWithValue("@id", job.Id);
        update.Parameters.AddWithValue("@worker", _workerId);
        await update.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
