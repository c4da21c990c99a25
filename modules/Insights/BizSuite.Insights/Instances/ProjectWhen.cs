using BizSuite.Kernel;

namespace BizSuite.Insights.Instances;

/// <summary>Moves the process instances on in the transaction of the event, at the time the journal gives the event.</summary>
internal sealed class ProjectWhen<TEvent>(Projector projector, TimeProvider clock) : IDomainEventHandler<TEvent> where TEvent : IDomainEvent
{
    public Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken) =>
        projector.ApplyAsync(domainEvent, DomainEventScope.CurrentOccurredAt ?? clock.GetUtcNow().UtcDateTime, cancellationToken);
}
