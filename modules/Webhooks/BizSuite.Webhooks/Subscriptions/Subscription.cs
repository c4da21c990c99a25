using BizSuite.Kernel;

namespace BizSuite.Webhooks.Subscriptions;

/// <summary>
/// A partner's endpoint and the event types it wants. Deliveries are signed with its secret, which is stored encrypted
/// (it must be read back to sign) and shown to the admin only when created or rotated.
/// </summary>
internal sealed class Subscription : AggregateRoot, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public string Url { get; private set; } = "";
    public string? Description { get; private set; }
    /// <summary>Event type names, comma-separated (names never contain commas).</summary>
    public string EventTypes { get; private set; } = "";
    public bool IsEnabled { get; private set; }
    public string EncryptedSecret { get; private set; } = "";

    private Subscription() { }

    public static (Subscription Subscription, string Secret) Create(string url, string? description, IEnumerable<string> eventTypes, bool isEnabled,
        Func<string, string> protect)
    {
        var subscription = new Subscription();
        subscription.Update(url, description, eventTypes, isEnabled);
        return (subscription, subscription.RotateSecret(protect));
    }

    public void Update(string url, string? description, IEnumerable<string> eventTypes, bool isEnabled)
    {
        Url = url.Trim();
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        EventTypes = string.Join(',', eventTypes.Distinct().Order());
        IsEnabled = isEnabled;
    }

    /// <summary>A new 256-bit secret; the old one stops signing at once.</summary>
    public string RotateSecret(Func<string, string> protect)
    {
        var secret = WebhookSignature.NewSecret();
        EncryptedSecret = protect(secret);
        return secret;
    }

    public IReadOnlyList<string> EventTypeList => EventTypes.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
