namespace Shishin.Core.Email;

/// <summary>One e-mail to one person: the same content as plain text and as simple HTML.</summary>
public sealed record EmailMessage(string To, string Subject, string Text, string Html);

/// <summary>What became of an e-mail; the action that sent it has happened whatever this says.</summary>
public enum EmailDelivery
{
    /// <summary>Handed to the SMTP server.</summary>
    Sent,

    /// <summary>SMTP is not configured: written as an .eml file to the server's pickup folder.</summary>
    SavedToFolder,

    /// <summary>The SMTP server or the folder refused it; the failure is logged.</summary>
    Failed,
}
