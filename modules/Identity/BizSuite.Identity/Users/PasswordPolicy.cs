using BizSuite.Kernel;
using Microsoft.AspNetCore.Identity;

namespace BizSuite.Identity.Users;

/// <summary>
/// Hashing from ASP.NET Core Identity; strength rules from the tenant's settings: a minimum length with letters and digits
/// always, an upper-case letter and a symbol when the tenant asks for them. A weak password is the field's 400 error.
/// </summary>
internal sealed class PasswordPolicy(SettingStore settings, IPasswordHasher<User> hasher)
{
    public async Task SetPasswordAsync(User user, string password, string field, CancellationToken cancellationToken)
    {
        var requiredLength = await settings.GetIntAsync(IdentitySettings.PasswordRequiredLength, cancellationToken);
        if (password.Length < requiredLength || !password.Any(char.IsLetter) || !password.Any(char.IsDigit))
            throw Weak(IdentityErrors.PasswordTooWeak, field, requiredLength);
        if (await settings.GetAsync(IdentitySettings.PasswordRequireUppercase, cancellationToken) == "true" && !password.Any(char.IsUpper))
            throw Weak(IdentityErrors.PasswordNeedsUppercase, field);
        if (await settings.GetAsync(IdentitySettings.PasswordRequireSymbol, cancellationToken) == "true" && password.All(char.IsLetterOrDigit))
            throw Weak(IdentityErrors.PasswordNeedsSymbol, field);
        user.SetPasswordHash(hasher.HashPassword(user, password));
    }

    private static BusinessException Weak(string code, string field, params object[] args) =>
        new(code, Microsoft.AspNetCore.Http.StatusCodes.Status400BadRequest, args) { Field = field };

    public bool Verify(User user, string password) =>
        user.PasswordHash.Length > 0 && hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;
}
