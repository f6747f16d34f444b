using System.Runtime.InteropServices;

namespace BankingBot.Dialogs.Storage;

/// <summary>
/// Swaps two files' contents atomically by exchanging their names (Linux renameat2 with RENAME_EXCHANGE), so that
/// a document and its spare trade places without creating or freeing a file. Where the call is missing (another
/// system, an old C library) or the file system refuses it, <see cref="TryExchange"/> says so and the caller
/// falls back to a rename.
/// </summary>
internal static class FileSwap
{
    private const int CurrentDirectory = -100;
    private const uint Exchange = 2;
    private static bool unavailable = !OperatingSystem.IsLinux();

    /// <summary>True when the two files traded names.</summary>
    public static bool TryExchange(string first, string second)
    {
        if (unavailable)
        {
            return false;
        }

        try
        {
            if (RenameAt2(CurrentDirectory, first, CurrentDirectory, second, Exchange) == 0)
            {
                return true;
            }
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            unavailable = true;
            return false;
        }

        // EINVAL or ENOSYS: the file system or kernel cannot exchange; nothing was changed.
        if (Marshal.GetLastPInvokeError() is 22 or 38)
        {
            unavailable = true;
            return false;
        }

        throw new IOException($"Could not exchange two files of the store (error {Marshal.GetLastPInvokeError()}).");
    }

    [DllImport("libc", EntryPoint = "renameat2", SetLastError = true)]
    private static extern int RenameAt2(int oldDirectory, [MarshalAs(UnmanagedType.LPUTF8Str)] string oldPath,
        int newDirectory, [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath, uint flags);
}
