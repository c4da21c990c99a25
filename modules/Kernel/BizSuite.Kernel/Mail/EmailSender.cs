using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace BizSuite.Kernel;

public static class EmailSettings
{
    public const string Host = "Kernel.Smtp.Host";
    public const string Port = "Kernel.Smtp.Port";
    public const string Security = "Kernel.Smtp.Security";
    public const string UserName = "Kernel.Smtp.UserName";
    public const string Password = "Kernel.Smtp.Password";
    public const string From = "Kernel.Smtp.From";

    internal static void Define(SettingDefinitionContext context) => context
        .Add(Host, "", v => v.Length <= 200)
        .AddInteger(Port, 25, 1, 65535)
        .Add(Security, nameof(SecureSocketOptions.StartTlsWhenAvailable), v => Enum.TryParse<SecureSocketOptions>(v, out _))
        .Add(UserName, "", v => v.Length <= 200)
        .AddSecret(Password)
        .Add(From, "", v => v.Length == 0 || MailboxAddress.TryParse(v, out _));
}

public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);

public sealed record EmailMessage(string ToName, string ToAddress, string Subject, string Body, IReadOnlyList<EmailAttachment>? Attachments = null);

/// <summary>
/// Sends mail through the current tenant's SMTP server (its settings, else the host's). Call it only
/// from background jobs: the business transaction must never wait for, or depend on, a mail server.
/// </summary>
public sealed class EmailSender(SettingStore settings)
{
    public async Task<bool> IsConfiguredAsync(CancellationToken ct) =>
        (await settings.GetAsync(EmailSettings.Host, ct)).Length > 0 && (await settings.GetAsync(EmailSettings.From, ct)).Length > 0;

    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(await settings.GetAsync(EmailSettings.From, ct)));
        mime.To.Add(new MailboxAddress(message.ToName, message.ToAddress));
        mime.Subject = message.Subject;
        var body = new BodyBuilder { TextBody = message.Body };
        foreach (var attachment in message.Attachments ?? [])
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        mime.Body = body.ToMessageBody();

        using var client = new SmtpClient();
        await client.ConnectAsync(await settings.GetAsync(EmailSettings.Host, ct), await settings.GetIntAsync(EmailSettings.Port, ct),
            Enum.Parse<SecureSocketOptions>(await settings.GetAsync(EmailSettings.Security, ct)), ct);
        var user = await settings.GetAsync(EmailSettings.UserName, ct);
        if (user.Length > 0) await client.AuthenticateAsync(user, await settings.GetAsync(EmailSettings.Password, ct), ct);
        await client.SendAsync(mime, ct);
        await client.DisconnectAsync(true, ct);
    }
}
