using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Partnership.Core.Mail;

namespace Partnership.Infrastructure.Mail;

/// <summary>How mail leaves the portal. The seam tests replace; SMTP through MailKit in production.</summary>
public interface IMailTransport
{
    /// <summary>False when no SMTP server is configured: mail then stays queued (readable at /dev/mail in Development).</summary>
    bool IsConfigured { get; }

    Task SendAsync(OutboxMessage message, CancellationToken ct);
}

/// <summary><c>Mail:Smtp:*</c> settings. The password comes from a secret store or environment, never the repository.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    /// <summary>STARTTLS on the submission port (the default); false only for a local relay.</summary>
    public bool UseStartTls { get; set; } = true;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string FromAddress { get; set; } = "no-reply@partnership.example.jp";
    public string FromName { get; set; } = "東京都・東京商工会議所 連携ポータル";
}

public sealed class SmtpMailTransport(IOptions<SmtpOptions> options) : IMailTransport
{
    private readonly SmtpOptions _options = options.Value;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(_options.Host);

    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(_options.FromName, _options.FromAddress));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Body = new TextPart("plain") { Text = message.BodyText };

        using var client = new SmtpClient();
        await client.ConnectAsync(_options.Host!, _options.Port, _options.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
        if (!string.IsNullOrEmpty(_options.UserName))
        {
            await client.AuthenticateAsync(_options.UserName, _options.Password ?? "", ct);
        }
        await client.SendAsync(mime, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
