using System.ComponentModel.DataAnnotations.Schema;

namespace BizSuite.Kernel;

public abstract class Entity
{
    /// <summary>Sequential (version 7) ids are known before insert and keep indexes append-only.</summary>
    public Guid Id { get; protected set; } = Guid.CreateVersion7();
}

/// <summary>Tenant data: the kernel sets <c>TenantId</c> on insert and filters every query by the current tenant.</summary>
public interface IMultiTenant
{
    Guid? TenantId { get; }
}

/// <summary>Created/modified by and at, set by the kernel on save.</summary>
public interface IAuditedEntity
{
    DateTime CreatedAt { get; }
    Guid? CreatedBy { get; }
    DateTime? ModifiedAt { get; }
    Guid? ModifiedBy { get; }
}

/// <summary>
/// A consistency boundary: it guards its invariants, raises domain events, and carries an integer
/// version that the kernel increments on every update (optimistic concurrency).
/// </summary>
public abstract class AggregateRoot : Entity, IAuditedEntity
{
    private readonly List<RaisedEvent> _events = [];

    public int Version { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public Guid? CreatedBy { get; private set; }
    public DateTime? ModifiedAt { get; private set; }
    public Guid? ModifiedBy { get; private set; }

    protected void Raise(IDomainEvent domainEvent) =>
        _events.Add(new RaisedEvent(Guid.CreateVersion7(), domainEvent, DomainEventScope.CurrentEventId));

    [NotMapped]
    public IReadOnlyList<RaisedEvent> RaisedEvents => _events;

    internal void ClearEvents() => _events.Clear();
}

/// <summary>Entity changes of classes marked with this attribute are written to the audit log.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AuditedAttribute : Attribute;

/// <summary>Never written to the audit log or the event journal in clear (passwords, secrets).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SensitiveAttribute : Attribute;
