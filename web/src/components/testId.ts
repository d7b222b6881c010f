/**
 * @module `data-testid` for props objects antd types without data attributes (e.g. a Modal's `okButtonProps`).
 */
import type { ButtonProps } from "antd";

/**
 * Button props carrying a test id.
 * @example <Modal okButtonProps={buttonTestId("user-form-submit")} />
 */
export function buttonTestId(id: string): ButtonProps & { "data-testid": string } {
  return { "data-testid": id };
}
