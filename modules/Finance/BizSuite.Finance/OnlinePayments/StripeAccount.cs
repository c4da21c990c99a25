using BizSuite.Kernel;

namespace BizSuite.Finance.OnlinePayments;

/// <summary>A tenant's own Stripe account, used to collect its invoices online. Secrets are stored encrypted.</summary>
internal sealed class StripeAccount : AggregateRoot, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public string EncryptedSecretKey { get; private set; } = "";
    public string EncryptedWebhookSecret { get; private set; } = "";
    /// <summary>The last characters of the secret key, so admins can tell which key is connected.</summary>
    public string KeyHint { get; private set; } = "";

    private StripeAccount() { }

    public StripeAccount(string encryptedSecretKey, string encryptedWebhookSecret, string keyHint) => Replace(encryptedSecretKey, encryptedWebhookSecret, keyHint);

    public void Replace(string encryptedSecretKey, string encryptedWebhookSecret, string keyHint)
    {
        EncryptedSecretKey = encryptedSecretKey;
        EncryptedWebhookSecret = encryptedWebhookSecret;
        KeyHint = keyHint;
    }
}

/// <summary>
/// A Stripe webhook event, stored by its id before it is handled: a replay finds it and does nothing,
/// and the outcome says what the event did.
/// </summary>
internal sealed class StripeEventRecord : Entity, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public string EventId { get; private set; } = "";
    public string Type { get; private set; } = "";
    public DateTime ReceivedAt { get; private set; }
    public string Outcome { get; private set; } = "";

    private StripeEventRecord() { }

    public StripeEventRecord(string eventId, string type, DateTime receivedAt)
    {
        EventId = eventId;
        Type = type;
        ReceivedAt = receivedAt;
        Outcome = "Ignored";
    }

    public void Done(string outcome) => Outcome = outcome;
}
