namespace BizSuite.Saas.Subscriptions;

/// <summary>
/// A tenant's plan and its Stripe subscription (订阅), kept on the tenant's row. Stripe's events move it;
/// each carries its time, and an event older than the last one applied changes nothing, so events may arrive
/// in any order. Past due is a grace period; when it ends the tenant is read-only until it pays.
/// </summary>
internal sealed class Subscription
{
    public string Edition { get; private set; } = "";
    /// <summary>Active, PastDue or Canceled; ReadOnly is PastDue after <see cref="GraceEndsAt"/> (see <see cref="StatusAt"/>).</summary>
    public SubscriptionStatus Status { get; private set; }
    public string? StripeCustomerId { get; private set; }
    public string? StripeSubscriptionId { get; private set; }
    public DateTime? CurrentPeriodEnd { get; private set; }
    public DateTime? GraceEndsAt { get; private set; }
    /// <summary>Creation time of the last Stripe event applied.</summary>
    public DateTime? LastEventAt { get; private set; }

    private Subscription() { }

    public static Subscription On(string edition) => new() { Edition = edition, Status = SubscriptionStatus.Active };

    /// <summary>Read-only needs no schedule: it is the past-due state seen after the grace period.</summary>
    public SubscriptionStatus StatusAt(DateTime now) =>
        Status == SubscriptionStatus.PastDue && GraceEndsAt <= now ? SubscriptionStatus.ReadOnly : Status;

    public DateTime? ReadOnlyFrom => Status == SubscriptionStatus.PastDue ? GraceEndsAt : null;

    /// <summary>The host admin moves a tenant (a deal made outside Stripe); Stripe's later events still apply.</summary>
    public void ChangeEdition(string edition) => Edition = edition;

    /// <summary>Checkout completed: the tenant bought <paramref name="edition"/>.</summary>
    public bool Subscribed(string edition, string? customerId, string? subscriptionId, DateTime at)
    {
        if (!Accept(at)) return false;
        Edition = edition;
        StripeCustomerId = customerId ?? StripeCustomerId;
        StripeSubscriptionId = subscriptionId;
        BackInGoodStanding();
        return true;
    }

    /// <summary>Stripe changed the subscription: another price (plan change in the portal), a renewal, or its payment state.</summary>
    public bool Updated(string subscriptionId, string? edition, string stripeStatus, DateTime? currentPeriodEnd, DateTime at, TimeSpan grace)
    {
        if (!Accept(at)) return false;
        StripeSubscriptionId = subscriptionId;
        if (edition is not null) Edition = edition;
        CurrentPeriodEnd = currentPeriodEnd ?? CurrentPeriodEnd;
        switch (stripeStatus)
        {
            case "active" or "trialing":
                BackInGoodStanding();
                break;
            case "past_due" or "unpaid":
                FallBehind(at, grace);
                break;
            case "canceled" or "incomplete_expired":
                Cancel();
                break;
        }
        return true;
    }

    public bool PaymentFailed(DateTime at, TimeSpan grace)
    {
        if (!Accept(at)) return false;
        FallBehind(at, grace);
        return true;
    }

    /// <summary>The subscription ended: back to the Free edition.</summary>
    public bool Deleted(DateTime at)
    {
        if (!Accept(at)) return false;
        Cancel();
        return true;
    }

    private bool Accept(DateTime at)
    {
        if (LastEventAt > at) return false;
        LastEventAt = at;
        return true;
    }

    private void BackInGoodStanding()
    {
        Status = SubscriptionStatus.Active;
        GraceEndsAt = null;
    }

    /// <summary>A second failure during the grace period does not extend it.</summary>
    private void FallBehind(DateTime at, TimeSpan grace)
    {
        if (Status == SubscriptionStatus.PastDue) return;
        Status = SubscriptionStatus.PastDue;
        GraceEndsAt = at + grace;
    }

    private void Cancel()
    {
        Edition = Subscriptions.Edition.Free;
        Status = SubscriptionStatus.Canceled;
        StripeSubscriptionId = null;
        CurrentPeriodEnd = null;
        GraceEndsAt = null;
    }
}
