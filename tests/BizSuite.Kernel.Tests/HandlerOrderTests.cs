using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace BizSuite.Kernel.Tests;

public sealed class HandlerOrderTests
{
    private sealed record Happened : IDomainEvent;

    private sealed class Log : List<string>;

    private abstract class Recording(Log log) : IDomainEventHandler<Happened>
    {
        public Task HandleAsync(Happened domainEvent, CancellationToken cancellationToken)
        {
            log.Add(GetType().Name);
            return Task.CompletedTask;
        }
    }

    private sealed class Plain(Log log) : Recording(log);

    private sealed class AlsoPlain(Log log) : Recording(log);

    [HandlerOrder(-1)]
    private sealed class Early(Log log) : Recording(log);

    [HandlerOrder(HandlerOrderAttribute.Outbox)]
    private sealed class Queueing(Log log) : Recording(log);

    [HandlerOrder(HandlerOrderAttribute.Outbox + 1)]
    private sealed class QueueingLast(Log log) : Recording(log);

    [Fact]
    public async Task Handlers_run_by_their_declared_order_and_otherwise_as_registered()
    {
        var services = new ServiceCollection().AddSingleton<Log>();
        // Registered against the order they must run in.
        services.AddScoped<IDomainEventHandler<Happened>, QueueingLast>();
        services.AddScoped<IDomainEventHandler<Happened>, Plain>();
        services.AddScoped<IDomainEventHandler<Happened>, Queueing>();
        services.AddScoped<IDomainEventHandler<Happened>, Early>();
        services.AddScoped<IDomainEventHandler<Happened>, AlsoPlain>();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();

        var dispatcher = new DomainEventDispatcher(scope.ServiceProvider);
        await dispatcher.DispatchAsync(new Happened(), CancellationToken.None);

        string[] expected = [nameof(Early), nameof(Plain), nameof(AlsoPlain), nameof(Queueing), nameof(QueueingLast)];
        provider.GetRequiredService<Log>().ShouldBe(expected);
        dispatcher.HandlersOf(typeof(Happened)).Select(h => h.GetType().Name).ShouldBe(expected, "the event map lists them as they run");
    }
}
