namespace BankingBot.Cards; public static class Placeholder {}
