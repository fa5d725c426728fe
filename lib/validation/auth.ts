import { z } from "zod";

export const signInSchema = z.object({
  email: z.email("Enter a valid email address").max(320),
  password: z.string().min(1, "Enter your password").max(1024),
  // The second step, for accounts with two-factor on: a 6-digit code or a recovery code.
  code: z.string().max(64).optional(),
});
export type SignInInput = z.infer<typeof signInSchema>;
