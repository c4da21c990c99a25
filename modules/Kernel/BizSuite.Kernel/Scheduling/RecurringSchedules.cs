using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace BizSuite.Kernel;

/// <summary>
/// Work that runs on a schedule (dunning, daily reviews, KPI snapshots). It runs once per schedule
/// across all host instances (Quartz clustered on the database) in its own unit of work, as the host:
/// it should only enqueue per-tenant jobs, which do the work under each tenant with retries.
/// </summary>
public interface IRecurringWork
{
    Task RunAsync(CancellationToken cancellationToken);
}

public sealed record RecurringSchedule(string Name, Type WorkType, string CronExpression, TimeZoneInfo TimeZone);

public sealed class SchedulingOptions
{
    /// <summary>Off in tests and tools: they run the work directly.</summary>
    public bool Enabled { get; set; } = true;
}

public static class RecurringScheduleServiceCollectionExtensions
{
    /// <summary>Runs <typeparamref name="TWork"/> on a Quartz cron expression (e.g. <c>0 0 1 * * ?</c>: daily at 01:00) in the given time zone.</summary>
    public static IServiceCollection AddRecurringWork<TWork>(this IServiceCollection services, string name, string cronExpression, TimeZoneInfo timeZone)
        where TWork : class, IRecurringWork
    {
        services.AddScoped<TWork>();
        services.AddSingleton(new RecurringSchedule(name, typeof(TWork), cronExpression, timeZone));
        return services;
    }
}

/// <summary>The one Quartz job: looks up the schedule's work type and runs it in a fresh scope and unit of work.</summary>
[DisallowConcurrentExecution]
internal sealed class RecurringWorkJob(UnitOfWorkRunner runner) : IJob
{
    public const string WorkTypeKey = "workType";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var workType = Type.GetType(context.MergedJobDataMap.GetString(WorkTypeKey)!, throwOnError: true)!;
        await runner.RunAsync((services, ct) => ((IRecurringWork)services.GetRequiredService(workType)).RunAsync(ct), cancellationToken);
    }
}

/// <summary>
/// Puts every module's schedule into Quartz at start, replacing what an older version stored. In the background: a
/// transaction per schedule under Quartz's cluster lock need not hold up the host's readiness (a failure still stops the host).
/// </summary>
internal sealed class ScheduleRegistration(ISchedulerFactory schedulers, IEnumerable<RecurringSchedule> schedules)
    : Microsoft.Extensions.Hosting.BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken cancellationToken)
    {
        await Task.Yield(); // the host waits for this method's synchronous start
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        foreach (var schedule in schedules)
        {
            var job = JobBuilder.Create<RecurringWorkJob>()
                .WithIdentity(schedule.Name)
                .UsingJobData(RecurringWorkJob.WorkTypeKey, schedule.WorkType.AssemblyQualifiedName!)
                .StoreDurably()
                .Build();
            var trigger = TriggerBuilder.Create()
                .WithIdentity(schedule.Name)
                .ForJob(job)
                .WithCronSchedule(schedule.CronExpression, cron => cron.InTimeZone(schedule.TimeZone))
                .Build();
            await scheduler.ScheduleJob(job, trigger, ScheduleJobOptions.Replacing, cancellationToken);
        }
    }
}
