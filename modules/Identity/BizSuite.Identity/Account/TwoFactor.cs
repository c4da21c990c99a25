using System.Security.Cryptography;
using System.Text;
using BizSuite.Identity.Users;
using BizSuite.Kernel;
using FluentValidation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using OtpNet;
using QRCoder;

namespace BizSuite.Identity.Account;

/// <summary>What an authenticator app needs: the key to type in, or the same as a QR code (PNG data URI).</summary>
public sealed record TwoFactorSetupDto(string SharedKey, string AuthenticatorUri, string QrCodeDataUri);

public sealed record TwoFactorStatusDto(bool Enabled, int RecoveryCodesLeft, bool RequiredByTenant);

/// <summary>Recovery codes are shown once, when 2FA is turned on; only their hashes are kept.</summary>
public sealed record RecoveryCodesDto(IReadOnlyList<string> RecoveryCodes);

public sealed record TwoFactorCodeRequest(string Code);

/// <summary>The second login step: the challenge from the password step and a code from the app or a recovery code.</summary>
public sealed record TwoFactorLoginRequest(string TwoFactorToken, string? Code, string? RecoveryCode);

public sealed record TwoFactorChallengeRequest(string TwoFactorToken);

public sealed record TwoFactorEnrolRequest(string TwoFactorToken, string Code);

/// <summary>A user enrolled at login because the tenant requires it: their recovery codes, then their session.</summary>
public sealed record EnrolledLoginResponse(IReadOnlyList<string> RecoveryCodes, TokenResponse Tokens);

/// <summary>
/// TOTP (RFC 6238) keys, codes and recovery codes, and the short-lived challenge that links the password step to the code step.
/// Keys are encrypted with data protection; the challenge is a time-limited protected payload, so no row is needed for it.
/// </summary>
internal sealed class TwoFactor(IDataProtectionProvider protection, TimeProvider clock)
{
    private const int RecoveryCodeCount = 10;
    private static readonly TimeSpan ChallengeLifetime = TimeSpan.FromMinutes(5);

    private readonly IDataProtector _secrets = protection.CreateProtector("BizSuite.Identity.TwoFactor.v1");
    private readonly ITimeLimitedDataProtector _challenges = protection.CreateProtector("BizSuite.Identity.TwoFactorChallenge.v1").ToTimeLimitedDataProtector();

    public TwoFactorSetupDto BeginSetup(User user, string issuer)
    {
        var key = Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));
        user.BeginTwoFactorSetup(_secrets.Protect(key));
        var uri = $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(user.UserName)}?secret={key}&issuer={Uri.EscapeDataString(issuer)}";
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return new TwoFactorSetupDto(string.Join(' ', key.Chunk(4).Select(c => new string(c))), uri, "data:image/png;base64," + Convert.ToBase64String(png));
    }

    /// <summary>A code of the current step (±1 for clock drift) that was not used before.</summary>
    public bool VerifyCode(User user, string code)
    {
        if (user.TwoFactorSecret is null) return false;
        var totp = new Totp(Base32Encoding.ToBytes(_secrets.Unprotect(user.TwoFactorSecret)));
        return totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, code.Replace(" ", ""), out var step, VerificationWindow.RfcSpecifiedNetworkDelay)
            && user.UseTimeStep(step);
    }

    public bool UseRecoveryCode(User user, string code) => user.UseRecoveryCode(HashRecoveryCode(code));

    /// <summary>Turns 2FA on when the code proves the app holds the key; returns the recovery codes to show once.</summary>
    public IReadOnlyList<string> Enable(User user, string code)
    {
        if (user.TwoFactorEnabled) throw new BusinessException(IdentityErrors.TwoFactorAlreadyEnabled, StatusCodes.Status409Conflict);
        if (user.TwoFactorSecret is null) throw new BusinessException(IdentityErrors.TwoFactorSetupNotStarted);
        if (!VerifyCode(user, code))
            throw new BusinessException(IdentityErrors.InvalidTwoFactorCode, StatusCodes.Status400BadRequest) { Field = "code" };
        var codes = Enumerable.Range(0, RecoveryCodeCount).Select(_ => NewRecoveryCode()).ToList();
        user.EnableTwoFactor(codes.Select(HashRecoveryCode));
        return codes;
    }

    public string CreateChallenge(User user) =>
        _challenges.Protect($"{user.TenantId}|{user.Id}", clock.GetUtcNow() + ChallengeLifetime);

    /// <summary>The user a challenge was issued to, if it is genuine, unexpired and of the current tenant.</summary>
    public Guid ReadChallenge(string token, Guid? currentTenantId)
    {
        try
        {
            var parts = _challenges.Unprotect(token, out var expires).Split('|');
            if (expires >= clock.GetUtcNow() && parts[0] == (currentTenantId?.ToString() ?? "") && Guid.TryParse(parts[1], out var userId))
                return userId;
        }
        catch (CryptographicException)
        {
            // Tampered, expired or from another key ring: the same answer as a stale challenge.
        }
        throw new BusinessException(IdentityErrors.InvalidTwoFactorChallenge, StatusCodes.Status401Unauthorized);
    }

    // 10 base-32 characters (50 bits) as "xxxxx-xxxxx": typed by hand, guessed never.
    private static string NewRecoveryCode()
    {
        var text = Base32Encoding.ToString(RandomNumberGenerator.GetBytes(7))[..10].ToLowerInvariant();
        return text[..5] + "-" + text[5..];
    }

    private static string HashRecoveryCode(string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code.Replace("-", "").Replace(" ", "").Trim().ToLowerInvariant())));
}

internal sealed class TwoFactorCodeRequestValidator : AbstractValidator<TwoFactorCodeRequest>
{
    public TwoFactorCodeRequestValidator() => RuleFor(r => r.Code).NotEmpty().MaximumLength(20);
}

internal sealed class TwoFactorLoginRequestValidator : AbstractValidator<TwoFactorLoginRequest>
{
    public TwoFactorLoginRequestValidator()
    {
        RuleFor(r => r.TwoFactorToken).NotEmpty().MaximumLength(2000);
        RuleFor(r => r.Code).NotEmpty().When(r => string.IsNullOrWhiteSpace(r.RecoveryCode)).MaximumLength(20);
        RuleFor(r => r.RecoveryCode).MaximumLength(20);
    }
}

internal sealed class TwoFactorChallengeRequestValidator : AbstractValidator<TwoFactorChallengeRequest>
{
    public TwoFactorChallengeRequestValidator() => RuleFor(r => r.TwoFactorToken).NotEmpty().MaximumLength(2000);
}

internal sealed class TwoFactorEnrolRequestValidator : AbstractValidator<TwoFactorEnrolRequest>
{
    public TwoFactorEnrolRequestValidator()
    {
        RuleFor(r => r.TwoFactorToken).NotEmpty().MaximumLength(2000);
        RuleFor(r => r.Code).NotEmpty().MaximumLength(20);
    }
}
