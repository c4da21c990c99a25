using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace BizSuite.Kernel;

/// <summary>Runs a job's work. External effects (e-mail, Stripe, webhooks) belong here, never in the business transaction.</summary>
public interface IBackgroundJob<in TArgs> where TArgs : notnull
{
    Task ExecuteAsync(TArgs args, CancellationToken cancellationToken);
}

public enum BackgroundJobStatus { Pending = 0, Running = 1, Succeeded = 2, Failed = 3 }

public sealed class BackgroundJobRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid? TenantId { get; set; }
    public string JobName { get; set; } = "";
    public string Args { get; set; } = "";
    public BackgroundJobStatus Status { get; set; }
    public int TryCount { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime NextTryAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public string? LockedBy { get; set; }
    public DateTime? LockedUntil { get; set; }
    public string? LastError { get; set; }
    public string CorrelationId { get; set; } = "";
}

/// <summary>
/// Enqueues jobs as rows of the current unit of work: the job exists if and only if the business
/// change commits (a transactional outbox).
/// </summary>
public sealed class JobQueue(KernelDbContext db, UnitOfWork unitOfWork, ICurrentTenant currentTenant, TimeProvider clock)
{
    public Guid Enqueue<TArgs>(TArgs args, TimeSpan? delay = null) where TArgs : notnull
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var record = new BackgroundJobRecord
        {
            TenantId = currentTenant.Id,
            JobName = JobRegistry.NameOf(typeof(TArgs)),
            Args = JsonSerializer.Serialize(args, JobRegistry.ArgsJson),
            Status = BackgroundJobStatus.Pending,
            CreatedAt = now,
            NextTryAt = now + (delay ?? TimeSpan.Zero),
            CorrelationId = unitOfWork.CorrelationId,
        };
        db.BackgroundJobs.Add(record);
        return record.Id;
    }
}

/// <summary>Job names are the argument type's full name; the registry maps them back to a runner.</summary>
public sealed class JobRegistry
{
    private readonly Dictionary<string, JobRegistration> _jobs;

    public JobRegistry(IEnumerable<JobRegistration> registrations) => _jobs = registrations.ToDictionary(r => r.Name);

    internal static readonly JsonSerializerOptions ArgsJson = new(JsonSerializerDefaults.Web);

    public static string NameOf(Type argsType) => argsType.FullName!;

    public JobRegistration? Find(string name) => _jobs.GetValueOrDefault(name);
}

public sealed record JobRegistration(string Name, Type ArgsType, Func<IServiceProvider, object, CancellationToken, Task> Run);

public static class BackgroundJobServiceCollectionExtensions
{
    public static IServiceCollection AddBackgroundJob<TJob, TArgs>(this IServiceCollection services)
        where TJob : class, IBackgroundJob<TArgs> where TArgs : notnull
    {
        services.AddTransient<TJob>();
        services.AddSingleton(new JobRegistration(JobRegistry.NameOf(typeof(TArgs)), typeof(TArgs),
            (sp, args, ct) => sp.GetRequiredService<TJob>().ExecuteAsync((TArgs)args, ct)));
        return services;
    }
}
