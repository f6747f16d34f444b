namespace BankingBot.Dialogs; public static class Placeholder {}
