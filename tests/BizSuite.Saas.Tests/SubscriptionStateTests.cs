using BizSuite.Saas.Subscriptions;
using Shouldly;

namespace BizSuite.Saas.Tests;

/// <summary>How Stripe's events move a tenant's subscription, whatever order they arrive in.</summary>
public sealed class SubscriptionStateTests
{
    private static readonly DateTime T0 = new(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Grace = TimeSpan.FromDays(7);

    private static Subscription Standard()
    {
        var subscription = Subscription.On(Edition.Free);
        subscription.Subscribed(Edition.Standard, "cus_1", "sub_1", T0).ShouldBeTrue();
        return subscription;
    }

    [Fact]
    public void Checkout_completed_puts_the_tenant_on_the_bought_edition()
    {
        var subscription = Standard();
        (subscription.Edition, subscription.Status, subscription.StripeCustomerId, subscription.StripeSubscriptionId)
            .ShouldBe((Edition.Standard, SubscriptionStatus.Active, "cus_1", "sub_1"));
    }

    [Fact]
    public void A_failed_payment_is_past_due_for_the_grace_period_then_read_only()
    {
        var subscription = Standard();
        subscription.PaymentFailed(T0.AddDays(30), Grace).ShouldBeTrue();
        subscription.StatusAt(T0.AddDays(36)).ShouldBe(SubscriptionStatus.PastDue);
        subscription.StatusAt(T0.AddDays(37)).ShouldBe(SubscriptionStatus.ReadOnly);
        subscription.ReadOnlyFrom.ShouldBe(T0.AddDays(37));

        // Stripe retries and fails again: the grace period does not start over.
        subscription.PaymentFailed(T0.AddDays(33), Grace).ShouldBeTrue();
        subscription.GraceEndsAt.ShouldBe(T0.AddDays(37));

        subscription.Updated("sub_1", Edition.Standard, "active", T0.AddDays(60), T0.AddDays(38), Grace).ShouldBeTrue();
        subscription.StatusAt(T0.AddDays(38)).ShouldBe(SubscriptionStatus.Active);
        subscription.ReadOnlyFrom.ShouldBeNull();
        subscription.CurrentPeriodEnd.ShouldBe(T0.AddDays(60));
    }

    [Fact]
    public void An_event_older_than_the_last_applied_one_changes_nothing()
    {
        var subscription = Standard();
        subscription.Updated("sub_1", Edition.Professional, "active", T0.AddDays(30), T0.AddMinutes(2), Grace).ShouldBeTrue();
        subscription.Updated("sub_1", Edition.Standard, "past_due", T0.AddDays(29), T0.AddMinutes(1), Grace).ShouldBeFalse();
        subscription.PaymentFailed(T0.AddMinutes(1), Grace).ShouldBeFalse();
        (subscription.Edition, subscription.Status, subscription.CurrentPeriodEnd).ShouldBe((Edition.Professional, SubscriptionStatus.Active, T0.AddDays(30)));
    }

    [Fact]
    public void A_price_the_platform_does_not_know_keeps_the_edition()
    {
        var subscription = Standard();
        subscription.Updated("sub_1", null, "active", T0.AddDays(30), T0.AddMinutes(1), Grace).ShouldBeTrue();
        subscription.Edition.ShouldBe(Edition.Standard);
    }

    [Theory]
    [InlineData("deleted")]
    [InlineData("canceled")]
    public void A_subscription_that_ends_goes_back_to_free(string how)
    {
        var subscription = Standard();
        subscription.PaymentFailed(T0.AddDays(30), Grace);
        (how == "deleted" ? subscription.Deleted(T0.AddDays(40)) : subscription.Updated("sub_1", Edition.Standard, "canceled", null, T0.AddDays(40), Grace))
            .ShouldBeTrue();
        (subscription.Edition, subscription.StatusAt(T0.AddDays(41)), subscription.StripeSubscriptionId, subscription.StripeCustomerId)
            .ShouldBe((Edition.Free, SubscriptionStatus.Canceled, null, "cus_1"));
    }

    [Fact]
    public void Modules_no_edition_sells_are_never_locked()
    {
        var free = new Edition(Edition.Free, 0, ["Crm", "Oa"], 3, 100, 0m);
        var standard = new Edition(Edition.Standard, 1, ["Crm", "Oa", "Orders", "Finance"], 20, 2048, 299m);
        Edition.Locked(free, [free, standard]).Order().ShouldBe(["Finance", "Orders"]);
        Edition.Locked(standard, [free, standard]).ShouldBeEmpty();
    }
}
