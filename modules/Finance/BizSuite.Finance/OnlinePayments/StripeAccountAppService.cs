using BizSuite.Finance.Data;
using FluentValidation;

namespace BizSuite.Finance.OnlinePayments;

internal sealed class StripeAccountAppService(FinanceDbContext db, StripeGateway stripe)
{
    public async Task<StripeAccountDto> GetAsync(CancellationToken ct) =>
        await stripe.FindAccountAsync(ct) is { } account ? new StripeAccountDto(true, account.KeyHint) : new StripeAccountDto(false, null);

    public async Task<StripeAccountDto> ConnectAsync(ConnectStripeRequest request, CancellationToken ct)
    {
        var hint = "…" + request.SecretKey[^4..];
        var secret = stripe.Protect(request.SecretKey.Trim());
        var webhook = stripe.Protect(request.WebhookSecret.Trim());
        if (await stripe.FindAccountAsync(ct) is { } account) account.Replace(secret, webhook, hint);
        else db.StripeAccounts.Add(new StripeAccount(secret, webhook, hint));
        return new StripeAccountDto(true, hint);
    }

    public async Task DisconnectAsync(CancellationToken ct)
    {
        if (await stripe.FindAccountAsync(ct) is { } account) db.StripeAccounts.Remove(account);
    }
}

internal sealed class ConnectStripeRequestValidator : AbstractValidator<ConnectStripeRequest>
{
    public ConnectStripeRequestValidator()
    {
        // Stop at the first failure: the prefix checks need a key (a missing one would throw, not answer 400).
        RuleFor(r => r.SecretKey).Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(200).Must(k => k.StartsWith("sk_") || k.StartsWith("rk_"));
        RuleFor(r => r.WebhookSecret).Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(200).Must(k => k.StartsWith("whsec_"));
    }
}
